from datetime import datetime

from flask_appbuilder import Model
from flask_appbuilder.models.mixins import AuditMixin
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import relationship

SHIPMENT_STATUSES = (
    "created",
    "at_depot",
    "out_for_delivery",
    "delivered",
    "failed_attempt",
    "returned",
    "cancelled",
)


class Depot(Model):
    __tablename__ = "depot"

    id = Column(Integer, primary_key=True)
    code = Column(String(8), nullable=False, unique=True)
    name = Column(String(120), nullable=False)
    region = Column(String(40), nullable=False, index=True)
    address = Column(Text)
    notice = Column(Text)
    scanner_key = Column(String(64))

    def __repr__(self):
        return f"{self.code} \u2013 {self.name}"


class Driver(AuditMixin, Model):
    __tablename__ = "driver"

    id = Column(Integer, primary_key=True)
    full_name = Column(String(120), nullable=False)
    phone = Column(String(32))
    license_no = Column(String(32))
    depot_id = Column(Integer, ForeignKey("depot.id"), nullable=False)
    depot = relationship("Depot")
    active = Column(Boolean, default=True, nullable=False)
    app_username = Column(String(64), unique=True)
    app_password_hash = Column(String(128))
    app_password_salt = Column(String(64))
    last_seen_at = Column(DateTime)

    def __repr__(self):
        return self.full_name


class Carrier(Model):
    __tablename__ = "carrier"

    id = Column(Integer, primary_key=True)
    name = Column(String(120), nullable=False, unique=True)
    slug = Column(String(40), nullable=False, unique=True)
    api_base = Column(String(255))
    contact_email = Column(String(255))
    # "hmac" carriers sign the raw body, "jwt" carriers send a bearer assertion
    auth_scheme = Column(String(10), nullable=False, default="hmac")
    webhook_secret = Column(String(128))
    partner_kid = Column(String(64))
    active = Column(Boolean, default=True, nullable=False)

    def __repr__(self):
        return self.name


class WebhookDelivery(Model):
    __tablename__ = "webhook_delivery"

    id = Column(Integer, primary_key=True)
    carrier_id = Column(Integer, ForeignKey("carrier.id"), nullable=False)
    carrier = relationship("Carrier")
    created_on = Column(DateTime, default=datetime.utcnow, index=True)
    event_count = Column(Integer, default=0)
    status = Column(String(20), default="received")
    error = Column(Text)


class Shipment(AuditMixin, Model):
    __tablename__ = "shipment"

    id = Column(Integer, primary_key=True)
    reference = Column(String(32), nullable=False, unique=True)
    tracking_number = Column(String(64), index=True)
    carrier_id = Column(Integer, ForeignKey("carrier.id"))
    carrier = relationship("Carrier")
    depot_id = Column(Integer, ForeignKey("depot.id"), nullable=False)
    depot = relationship("Depot")
    driver_id = Column(Integer, ForeignKey("driver.id"))
    driver = relationship("Driver")

    consignee_name = Column(String(160), nullable=False)
    consignee_email = Column(String(255))
    consignee_phone = Column(String(32))
    delivery_address = Column(Text, nullable=False)
    postcode = Column(String(12), index=True)
    delivery_instructions = Column(Text)
    weight_kg = Column(Numeric(8, 2))

    status = Column(String(20), nullable=False, default="created", index=True)
    promised_on = Column(Date)
    delivered_on = Column(DateTime)
    last_carrier_event = Column(String(40))

    events = relationship(
        "ShipmentEvent", back_populates="shipment", order_by="ShipmentEvent.occurred_at"
    )

    def __repr__(self):
        return self.reference


class ShipmentEvent(Model):
    __tablename__ = "shipment_event"

    id = Column(Integer, primary_key=True)
    shipment_id = Column(Integer, ForeignKey("shipment.id"), nullable=False, index=True)
    shipment = relationship("Shipment", back_populates="events")
    code = Column(String(40), nullable=False)
    source = Column(String(20), default="carrier")
    location = Column(String(120))
    carrier_message = Column(Text)
    occurred_at = Column(DateTime, nullable=False)
    created_on = Column(DateTime, default=datetime.utcnow, index=True)


class SavedFilter(AuditMixin, Model):
    """A named shipment filter that dispatchers reuse for reports and exports."""

    __tablename__ = "saved_filter"

    id = Column(Integer, primary_key=True)
    name = Column(String(80), nullable=False)
    criteria_json = Column(Text, nullable=False, default="{}")
    shared = Column(Boolean, default=False)

    def __repr__(self):
        return self.name
