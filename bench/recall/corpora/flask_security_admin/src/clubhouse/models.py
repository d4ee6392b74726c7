"""SQLAlchemy models."""
from datetime import date, datetime

from flask_security import RoleMixin, UserMixin

from .extensions import db


roles_users = db.Table(
    "roles_users",
    db.Column("user_id", db.Integer, db.ForeignKey("users.id"), primary_key=True),
    db.Column("role_id", db.Integer, db.ForeignKey("roles.id"), primary_key=True),
)


class Role(db.Model, RoleMixin):
    __tablename__ = "roles"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), unique=True, nullable=False)
    description = db.Column(db.String(255))
    permissions = db.Column(db.UnicodeText)

    def __str__(self):
        return self.name


class User(db.Model, UserMixin):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password = db.Column(db.String(255), nullable=False)
    first_name = db.Column(db.String(80), nullable=False, default="")
    last_name = db.Column(db.String(80), nullable=False, default="")
    section = db.Column(db.String(40), index=True)
    bio = db.Column(db.Text)
    phone = db.Column(db.String(40))
    active = db.Column(db.Boolean, default=True, nullable=False)
    fs_uniquifier = db.Column(db.String(64), unique=True, nullable=False)
    confirmed_at = db.Column(db.DateTime)
    calendar_token = db.Column(db.String(64), unique=True, index=True)

    last_login_at = db.Column(db.DateTime)
    current_login_at = db.Column(db.DateTime)
    last_login_ip = db.Column(db.String(64))
    current_login_ip = db.Column(db.String(64))
    login_count = db.Column(db.Integer)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    roles = db.relationship("Role", secondary=roles_users, backref=db.backref("users", lazy="dynamic"))

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def __str__(self):
        return self.full_name or self.email


class Event(db.Model):
    __tablename__ = "events"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(160), nullable=False)
    season = db.Column(db.String(9), nullable=False, index=True)
    section = db.Column(db.String(40))
    location = db.Column(db.String(160))
    description = db.Column(db.Text)
    starts_at = db.Column(db.DateTime, nullable=False)
    ends_at = db.Column(db.DateTime)
    capacity = db.Column(db.Integer)
    guest_passes_allowed = db.Column(db.Integer, default=0, nullable=False)
    organizer_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    published = db.Column(db.Boolean, default=False, nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    organizer = db.relationship("User")
    rsvps = db.relationship("Rsvp", back_populates="event", cascade="all, delete-orphan", lazy="dynamic")

    @property
    def going_count(self):
        return self.rsvps.filter_by(status="going").count()

    def __str__(self):
        return self.title


class Rsvp(db.Model):
    __tablename__ = "rsvps"
    __table_args__ = (db.UniqueConstraint("event_id", "user_id"),)

    id = db.Column(db.Integer, primary_key=True)
    event_id = db.Column(db.Integer, db.ForeignKey("events.id"), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    status = db.Column(db.String(16), default="going", nullable=False)
    checked_in_at = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    event = db.relationship("Event", back_populates="rsvps")
    user = db.relationship("User")


class GuestPass(db.Model):
    __tablename__ = "guest_passes"

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(16), unique=True, nullable=False)
    event_id = db.Column(db.Integer, db.ForeignKey("events.id"), nullable=False)
    host_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    guest_name = db.Column(db.String(120), nullable=False)
    guest_email = db.Column(db.String(255), nullable=False)
    redeemed_at = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    event = db.relationship("Event")
    host = db.relationship("User")


class CheckinDevice(db.Model):
    """A front-desk tablet that scans membership cards and guest passes."""

    __tablename__ = "checkin_devices"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), unique=True, nullable=False)
    location = db.Column(db.String(120))
    active = db.Column(db.Boolean, default=True, nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)


class Membership(db.Model):
    __tablename__ = "memberships"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), unique=True, nullable=False)
    tier = db.Column(db.String(20), default="adult", nullable=False)
    status = db.Column(db.String(20), default="pending", nullable=False)
    valid_until = db.Column(db.Date)
    auto_renew = db.Column(db.Boolean, default=False, nullable=False)
    stripe_customer_id = db.Column(db.String(64))
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    user = db.relationship("User", backref=db.backref("membership", uselist=False))
    payments = db.relationship("Payment", back_populates="membership", lazy="dynamic")

    @property
    def is_current(self):
        return self.status == "active" and self.valid_until is not None and self.valid_until >= date.today()


class Payment(db.Model):
    __tablename__ = "payments"

    id = db.Column(db.Integer, primary_key=True)
    membership_id = db.Column(db.Integer, db.ForeignKey("memberships.id"), nullable=False)
    amount_cents = db.Column(db.Integer, nullable=False)
    currency = db.Column(db.String(3), default="eur", nullable=False)
    stripe_session_id = db.Column(db.String(128), unique=True)
    status = db.Column(db.String(20), default="open", nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    membership = db.relationship("Membership", back_populates="payments")


class Newsletter(db.Model):
    __tablename__ = "newsletters"

    id = db.Column(db.Integer, primary_key=True)
    subject = db.Column(db.String(200), nullable=False)
    body_markdown = db.Column(db.Text, nullable=False)
    # Which section receives it: "all", "tennis", "rowing", "juniors", ...
    audience = db.Column(db.String(40), default="all", nullable=False)
    status = db.Column(db.String(20), default="draft", nullable=False)
    sent_at = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)

    def __str__(self):
        return self.subject


class Subscription(db.Model):
    __tablename__ = "subscriptions"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    unsubscribe_token = db.Column(db.String(64), unique=True, index=True)
    subscribed = db.Column(db.Boolean, default=True, nullable=False)
    bounced = db.Column(db.Boolean, default=False, nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow, nullable=False)
