from datetime import datetime, timedelta

import bcrypt
from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from fleet.extensions import db, login_manager


class TimestampMixin:
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)
    updated_at = db.Column(
        db.DateTime, default=datetime.utcnow, onupdate=datetime.utcnow, nullable=False
    )


class Depot(TimestampMixin, db.Model):
    __tablename__ = "depots"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(12), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    city = db.Column(db.String(80))
    timezone = db.Column(db.String(40), default="Europe/London")

    vehicles = db.relationship("Vehicle", back_populates="depot", lazy="dynamic")

    def __repr__(self):
        return f"<Depot {self.code}>"


class User(UserMixin, TimestampMixin, db.Model):
    """Back-office staff: dispatchers, fleet managers, admins."""

    __tablename__ = "users"

    ROLES = ("dispatcher", "manager", "admin")

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False, index=True)
    full_name = db.Column(db.String(120), nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(20), default="dispatcher", nullable=False)
    active = db.Column(db.Boolean, default=True, nullable=False)
    last_login_at = db.Column(db.DateTime)
    depot_id = db.Column(db.Integer, db.ForeignKey("depots.id"))

    reset_code = db.Column(db.String(16), index=True)
    reset_expires_at = db.Column(db.DateTime)

    depot = db.relationship("Depot")

    def set_password(self, password):
        self.password_hash = generate_password_hash(password, method="pbkdf2:sha256:1000")

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    def start_reset(self, code, ttl_minutes):
        self.reset_code = code
        self.reset_expires_at = datetime.utcnow() + timedelta(minutes=ttl_minutes)

    def reset_is_valid(self):
        return self.reset_expires_at is not None and self.reset_expires_at > datetime.utcnow()

    def clear_reset(self):
        self.reset_code = None
        self.reset_expires_at = None

    @property
    def is_active(self):
        return self.active

    @property
    def is_admin(self):
        return self.role == "admin"


class Driver(TimestampMixin, db.Model):
    """Drivers log in from the mobile app with phone number + PIN."""

    __tablename__ = "drivers"

    id = db.Column(db.Integer, primary_key=True)
    first_name = db.Column(db.String(60), nullable=False)
    last_name = db.Column(db.String(60), nullable=False)
    phone = db.Column(db.String(32), unique=True, nullable=False, index=True)
    email = db.Column(db.String(255))
    licence_number = db.Column(db.String(32), unique=True)
    licence_expires = db.Column(db.Date)
    pin_hash = db.Column(db.LargeBinary(60))
    device_token = db.Column(db.String(64), index=True)
    status = db.Column(db.String(20), default="active")
    depot_id = db.Column(db.Integer, db.ForeignKey("depots.id"))

    depot = db.relationship("Depot")
    trips = db.relationship("Trip", back_populates="driver", lazy="dynamic")

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def set_pin(self, pin):
        self.pin_hash = bcrypt.hashpw(pin.encode("utf-8"), bcrypt.gensalt(rounds=12))

    def check_pin(self, pin):
        if not self.pin_hash:
            return False
        return bcrypt.checkpw(pin.encode("utf-8"), self.pin_hash)


class Vehicle(TimestampMixin, db.Model):
    __tablename__ = "vehicles"

    STATUSES = ("available", "in_service", "maintenance", "retired")

    id = db.Column(db.Integer, primary_key=True)
    plate = db.Column(db.String(16), unique=True, nullable=False, index=True)
    vin = db.Column(db.String(17), unique=True)
    make = db.Column(db.String(40))
    model = db.Column(db.String(40))
    year = db.Column(db.Integer)
    fuel_type = db.Column(db.String(16), default="diesel")
    odometer_km = db.Column(db.Integer, default=0)
    status = db.Column(db.String(20), default="available", nullable=False)
    status_note = db.Column(db.String(255))
    telematics_id = db.Column(db.String(64), unique=True)
    depot_id = db.Column(db.Integer, db.ForeignKey("depots.id"))
    assigned_driver_id = db.Column(db.Integer, db.ForeignKey("drivers.id"))

    depot = db.relationship("Depot", back_populates="vehicles")
    assigned_driver = db.relationship("Driver")
    tickets = db.relationship("MaintenanceTicket", back_populates="vehicle", lazy="dynamic")
    documents = db.relationship("Document", back_populates="vehicle", lazy="dynamic")

    def to_dict(self):
        return {
            "id": self.id,
            "plate": self.plate,
            "vin": self.vin,
            "make": self.make,
            "model": self.model,
            "year": self.year,
            "fuel_type": self.fuel_type,
            "odometer_km": self.odometer_km,
            "status": self.status,
            "depot": self.depot.code if self.depot else None,
        }


class Trip(TimestampMixin, db.Model):
    __tablename__ = "trips"

    id = db.Column(db.Integer, primary_key=True)
    vehicle_id = db.Column(db.Integer, db.ForeignKey("vehicles.id"), nullable=False)
    driver_id = db.Column(db.Integer, db.ForeignKey("drivers.id"), nullable=False)
    started_at = db.Column(db.DateTime, nullable=False)
    ended_at = db.Column(db.DateTime)
    start_odometer = db.Column(db.Integer)
    end_odometer = db.Column(db.Integer)
    origin = db.Column(db.String(255))
    destination = db.Column(db.String(255))
    customer_ref = db.Column(db.String(64))

    vehicle = db.relationship("Vehicle")
    driver = db.relationship("Driver", back_populates="trips")

    @property
    def distance_km(self):
        if self.start_odometer is None or self.end_odometer is None:
            return None
        return self.end_odometer - self.start_odometer


class MaintenanceTicket(TimestampMixin, db.Model):
    __tablename__ = "maintenance_tickets"

    id = db.Column(db.Integer, primary_key=True)
    vehicle_id = db.Column(db.Integer, db.ForeignKey("vehicles.id"), nullable=False)
    reported_by_driver_id = db.Column(db.Integer, db.ForeignKey("drivers.id"))
    title = db.Column(db.String(140), nullable=False)
    driver_comment = db.Column(db.Text)
    workshop_notes = db.Column(db.Text)
    severity = db.Column(db.String(10), default="low")
    status = db.Column(db.String(12), default="open")
    closed_at = db.Column(db.DateTime)

    vehicle = db.relationship("Vehicle", back_populates="tickets")
    reported_by = db.relationship("Driver")


class Document(TimestampMixin, db.Model):
    __tablename__ = "documents"

    id = db.Column(db.Integer, primary_key=True)
    vehicle_id = db.Column(db.Integer, db.ForeignKey("vehicles.id"))
    kind = db.Column(db.String(30), default="other")
    original_name = db.Column(db.String(255), nullable=False)
    stored_name = db.Column(db.String(255), nullable=False, unique=True)
    content_type = db.Column(db.String(100))
    size_bytes = db.Column(db.Integer)
    uploaded_by_id = db.Column(db.Integer, db.ForeignKey("users.id"))

    vehicle = db.relationship("Vehicle", back_populates="documents")
    uploaded_by = db.relationship("User")


class ApiClient(TimestampMixin, db.Model):
    """Partner integrations (fuel card provider, payroll export...)."""

    __tablename__ = "api_clients"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(60), unique=True, nullable=False)
    api_key = db.Column(db.String(128), nullable=False)
    scopes = db.Column(db.String(255), default="read")
    active = db.Column(db.Boolean, default=True)
    rotated_at = db.Column(db.DateTime)

    def has_scope(self, scope):
        return scope in (self.scopes or "").split()


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))
