"""ORM models for portal data and Core tables for the reporting schema."""
import hashlib
from datetime import datetime, timezone

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db, login_manager


def utcnow():
    return datetime.now(timezone.utc)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    ROLES = ("viewer", "analyst", "manager", "admin")

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False, index=True)
    full_name = db.Column(db.String(120), nullable=False)
    team = db.Column(db.String(60))
    role = db.Column(db.String(20), nullable=False, default="viewer")
    password_hash = db.Column(db.String(255), nullable=False)
    approved = db.Column(db.Boolean, nullable=False, default=False)
    active = db.Column(db.Boolean, nullable=False, default=True)
    reset_token = db.Column(db.String(64), unique=True)
    reset_token_expires_at = db.Column(db.DateTime(timezone=True))
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)
    last_login_at = db.Column(db.DateTime(timezone=True))

    reports = db.relationship("SavedReport", back_populates="owner", lazy="dynamic")

    @property
    def is_active(self):
        return bool(self.active and self.approved)

    @property
    def is_admin(self):
        return self.role == "admin"

    @property
    def can_use_partner_api(self):
        return self.role in {"analyst", "manager", "admin"}

    def set_password(self, password):
        self.password_hash = generate_password_hash(password, method="pbkdf2:sha256:150000")

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    def __repr__(self):
        return f"<User {self.email}>"


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


class SavedReport(db.Model):
    __tablename__ = "saved_reports"

    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False, index=True)
    title = db.Column(db.String(160), nullable=False)
    notes = db.Column(db.Text, default="")
    period = db.Column(db.String(10), nullable=False, default="month")
    filters = db.Column(db.JSON, nullable=False, default=dict)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)
    updated_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)

    owner = db.relationship("User", back_populates="reports")
    shares = db.relationship("ReportShare", back_populates="report", cascade="all, delete-orphan")


class ReportShare(db.Model):
    __tablename__ = "report_shares"

    id = db.Column(db.Integer, primary_key=True)
    report_id = db.Column(db.Integer, db.ForeignKey("saved_reports.id"), nullable=False)
    slug = db.Column(db.String(64), unique=True, nullable=False)
    password_hash = db.Column(db.String(128))
    created_by_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    expires_at = db.Column(db.DateTime(timezone=True), nullable=False)

    report = db.relationship("SavedReport", back_populates="shares")

    @property
    def is_expired(self):
        expires_at = self.expires_at
        if expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=timezone.utc)
        return expires_at <= utcnow()


class SavedView(db.Model):
    __tablename__ = "saved_views"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False, index=True)
    name = db.Column(db.String(80), nullable=False)
    filters = db.Column(db.JSON, nullable=False, default=dict)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)


class PartnerClient(db.Model):
    __tablename__ = "partner_clients"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    contact_email = db.Column(db.String(255), nullable=False)
    key_prefix = db.Column(db.String(12), nullable=False)
    key_hash = db.Column(db.String(64), unique=True, nullable=False)
    scope = db.Column(db.String(120), nullable=False, default="revenue:read")
    regions = db.Column(db.String(255), nullable=False, default="")
    active = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(db.DateTime(timezone=True), nullable=False, default=utcnow)

    @property
    def region_list(self):
        return [r.strip() for r in self.regions.split(",") if r.strip()]

    @staticmethod
    def hash_key(raw_key):
        return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


# Reporting schema, filled by the vendor sync scripts and queried with raw SQL.
sales_reps = db.Table(
    "sales_reps",
    db.Column("id", db.Integer, primary_key=True),
    db.Column("full_name", db.String(120), nullable=False),
    db.Column("email", db.String(255)),
)

customers = db.Table(
    "customers",
    db.Column("id", db.Integer, primary_key=True),
    db.Column("ref", db.String(64), unique=True, nullable=False),
    db.Column("name", db.String(200), nullable=False),
    db.Column("region", db.String(40)),
    db.Column("tier", db.String(20)),
    db.Column("rep_id", db.Integer, db.ForeignKey("sales_reps.id")),
)

products = db.Table(
    "products",
    db.Column("id", db.Integer, primary_key=True),
    db.Column("sku", db.String(40), unique=True, nullable=False),
    db.Column("name", db.String(200), nullable=False),
)

sales_orders = db.Table(
    "sales_orders",
    db.Column("id", db.Integer, primary_key=True),
    db.Column("external_id", db.String(64), unique=True, nullable=False),
    db.Column("customer_id", db.Integer, db.ForeignKey("customers.id")),
    db.Column("region", db.String(40)),
    db.Column("amount", db.Numeric(14, 2), nullable=False),
    db.Column("currency", db.String(3), nullable=False),
    db.Column("status", db.String(20)),
    db.Column("ordered_at", db.DateTime(timezone=True), nullable=False),
)

order_lines = db.Table(
    "order_lines",
    db.Column("id", db.Integer, primary_key=True),
    db.Column("order_id", db.Integer, db.ForeignKey("sales_orders.id"), nullable=False),
    db.Column("product_id", db.Integer, db.ForeignKey("products.id"), nullable=False),
    db.Column("quantity", db.Integer, nullable=False),
    db.Column("amount", db.Numeric(14, 2), nullable=False),
)

fx_rates = db.Table(
    "fx_rates",
    db.Column("day", db.Date, primary_key=True),
    db.Column("currency", db.String(3), primary_key=True),
    db.Column("rate", db.Numeric(18, 8), nullable=False),
)
