from datetime import datetime, timezone
from decimal import Decimal

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, UniqueConstraint, func

from app.extensions import db
from app.services.security import hash_password, verify_password


def utcnow():
    return datetime.now(timezone.utc)


class TimestampMixin:
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow, nullable=False)
    updated_at = db.Column(db.DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Role:
    VIEWER = "viewer"
    CLERK = "clerk"
    MANAGER = "manager"
    ADMIN = "admin"

    ALL = (VIEWER, CLERK, MANAGER, ADMIN)


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False, index=True)
    full_name = db.Column(db.String(120))
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(20), nullable=False, default=Role.VIEWER)
    active = db.Column(db.Boolean, nullable=False, default=True)
    last_login_at = db.Column(db.DateTime(timezone=True))
    default_warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"))

    default_warehouse = db.relationship("Warehouse", foreign_keys=[default_warehouse_id])

    def set_password(self, password):
        self.password_hash = hash_password(password)

    def check_password(self, password):
        return verify_password(self.password_hash, password)

    @property
    def is_active(self):
        return self.active

    def has_role(self, *roles):
        return self.role == Role.ADMIN or self.role in roles

    def __repr__(self):
        return f"<User {self.email}>"


class Warehouse(TimestampMixin, db.Model):
    __tablename__ = "warehouses"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(20), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    address = db.Column(db.Text)
    timezone = db.Column(db.String(50), default="Europe/London")
    manager_email = db.Column(db.String(255))

    locations = db.relationship("Location", back_populates="warehouse", lazy="dynamic")

    def __repr__(self):
        return f"<Warehouse {self.code}>"


class Location(db.Model):
    __tablename__ = "locations"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    id = db.Column(db.Integer, primary_key=True)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    code = db.Column(db.String(30), nullable=False)  # e.g. A-04-03
    zone = db.Column(db.String(20))
    is_pickable = db.Column(db.Boolean, default=True)

    warehouse = db.relationship("Warehouse", back_populates="locations")


class Supplier(TimestampMixin, db.Model):
    __tablename__ = "suppliers"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(20), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    contact_email = db.Column(db.String(255))
    lead_time_days = db.Column(db.Integer, default=7)


class Item(TimestampMixin, db.Model):
    __tablename__ = "items"

    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(40), unique=True, nullable=False, index=True)
    barcode = db.Column(db.String(64), unique=True, index=True)
    name = db.Column(db.String(200), nullable=False)
    description = db.Column(db.Text)
    description_html = db.Column(db.Text)
    notes = db.Column(db.Text)
    unit = db.Column(db.String(10), default="ea")
    unit_cost = db.Column(db.Numeric(12, 2), default=Decimal("0.00"))
    reorder_point = db.Column(db.Integer, default=0)
    supplier_id = db.Column(db.Integer, db.ForeignKey("suppliers.id"))
    archived = db.Column(db.Boolean, default=False, nullable=False)

    supplier = db.relationship("Supplier")
    levels = db.relationship("StockLevel", back_populates="item", lazy="selectin")

    @property
    def on_hand(self):
        return sum(level.quantity for level in self.levels)

    def level_for(self, warehouse_id):
        for level in self.levels:
            if level.warehouse_id == warehouse_id:
                return level
        return None


class StockLevel(db.Model):
    __tablename__ = "stock_levels"
    __table_args__ = (
        UniqueConstraint("item_id", "warehouse_id", "location_id"),
        CheckConstraint("quantity >= 0", name="ck_stock_non_negative"),
    )

    id = db.Column(db.Integer, primary_key=True)
    item_id = db.Column(db.Integer, db.ForeignKey("items.id"), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    location_id = db.Column(db.Integer, db.ForeignKey("locations.id"))
    quantity = db.Column(db.Integer, nullable=False, default=0)
    counted_at = db.Column(db.DateTime(timezone=True))

    item = db.relationship("Item", back_populates="levels")
    warehouse = db.relationship("Warehouse")
    location = db.relationship("Location")


class MovementType:
    RECEIPT = "receipt"
    PICK = "pick"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    ADJUSTMENT = "adjustment"
    COUNT = "count"

    ALL = (RECEIPT, PICK, TRANSFER_IN, TRANSFER_OUT, ADJUSTMENT, COUNT)
    INBOUND = (RECEIPT, TRANSFER_IN)


class StockMovement(db.Model):
    __tablename__ = "stock_movements"

    id = db.Column(db.Integer, primary_key=True)
    item_id = db.Column(db.Integer, db.ForeignKey("items.id"), nullable=False, index=True)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    location_id = db.Column(db.Integer, db.ForeignKey("locations.id"))
    movement_type = db.Column(db.String(20), nullable=False)
    quantity = db.Column(db.Integer, nullable=False)
    reference = db.Column(db.String(80))
    reason = db.Column(db.String(255))
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    operator_id = db.Column(db.Integer, db.ForeignKey("scanner_operators.id"))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow, index=True)

    item = db.relationship("Item")
    warehouse = db.relationship("Warehouse")
    location = db.relationship("Location")
    user = db.relationship("User")
    operator = db.relationship("ScannerOperator")


class ScannerOperator(TimestampMixin, db.Model):
    """Warehouse floor staff who sign in on handheld scanners with badge + PIN."""

    __tablename__ = "scanner_operators"

    id = db.Column(db.Integer, primary_key=True)
    badge_number = db.Column(db.String(20), unique=True, nullable=False)
    name = db.Column(db.String(120), nullable=False)
    pin = db.Column(db.String(12), nullable=False)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    active = db.Column(db.Boolean, default=True, nullable=False)

    warehouse = db.relationship("Warehouse")


class ScannerDevice(TimestampMixin, db.Model):
    __tablename__ = "scanner_devices"

    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(60), nullable=False)
    serial = db.Column(db.String(60), unique=True)
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"), nullable=False)
    pairing_token = db.Column(db.String(64), unique=True)
    pairing_expires_at = db.Column(db.DateTime(timezone=True))
    key_hash = db.Column(db.String(64), unique=True)
    key_prefix = db.Column(db.String(12))
    activated_at = db.Column(db.DateTime(timezone=True))
    last_seen_at = db.Column(db.DateTime(timezone=True))

    warehouse = db.relationship("Warehouse")


class PasswordReset(db.Model):
    __tablename__ = "password_resets"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    code = db.Column(db.String(16), nullable=False, index=True)
    expires_at = db.Column(db.DateTime(timezone=True), nullable=False)
    used_at = db.Column(db.DateTime(timezone=True))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)

    user = db.relationship("User")

    @property
    def is_valid(self):
        return self.used_at is None and self.expires_at > utcnow()


class Invite(db.Model):
    __tablename__ = "invites"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), nullable=False)
    role = db.Column(db.String(20), nullable=False, default=Role.VIEWER)
    token = db.Column(db.String(64), unique=True, nullable=False)
    invited_by_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    expires_at = db.Column(db.DateTime(timezone=True), nullable=False)
    accepted_at = db.Column(db.DateTime(timezone=True))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)

    invited_by = db.relationship("User")


class ReportSchedule(TimestampMixin, db.Model):
    __tablename__ = "report_schedules"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    report_type = db.Column(db.String(30), nullable=False)  # low_stock, valuation, movements
    warehouse_id = db.Column(db.Integer, db.ForeignKey("warehouses.id"))
    frequency = db.Column(db.String(10), nullable=False, default="daily")
    recipients = db.Column(db.Text, nullable=False)
    created_by_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    last_sent_at = db.Column(db.DateTime(timezone=True))

    warehouse = db.relationship("Warehouse")
    created_by = db.relationship("User")

    @property
    def recipient_list(self):
        return [r.strip() for r in self.recipients.split(",") if r.strip()]


class TokenBlocklist(db.Model):
    __tablename__ = "token_blocklist"

    id = db.Column(db.Integer, primary_key=True)
    jti = db.Column(db.String(36), nullable=False, unique=True, index=True)
    token_type = db.Column(db.String(10), nullable=False)
    expires_at = db.Column(db.DateTime(timezone=True))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow, server_default=func.now())
