"""ORM models. Reporting and bulk paths use SQLAlchemy Core via db/queries.py."""
import hashlib
from datetime import datetime, timezone

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db, login_manager


def utcnow():
    return datetime.now(timezone.utc)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False, index=True)
    name = db.Column(db.String(120), nullable=False)
    password_hash = db.Column(db.String(255))
    initial_password = db.Column(db.String(64))
    is_admin = db.Column(db.Boolean, default=False, nullable=False)
    is_active_user = db.Column(db.Boolean, default=True, nullable=False)
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)
    last_login_at = db.Column(db.DateTime(timezone=True))

    contacts = db.relationship("Contact", backref="owner", lazy="dynamic")

    def set_password(self, raw):
        self.password_hash = generate_password_hash(raw, method="pbkdf2:sha256:260000")
        self.initial_password = None

    def check_password(self, raw):
        if not self.password_hash:
            return False
        return check_password_hash(self.password_hash, raw)

    @property
    def is_active(self):
        return self.is_active_user

    @property
    def avatar_url(self):
        digest = hashlib.md5(self.email.strip().lower().encode("utf-8")).hexdigest()
        return f"https://www.gravatar.com/avatar/{digest}?s=64&d=identicon"


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


class Contact(db.Model):
    __tablename__ = "contacts"

    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False, index=True)
    first_name = db.Column(db.String(80), nullable=False)
    last_name = db.Column(db.String(80), nullable=False)
    email = db.Column(db.String(255), index=True)
    phone = db.Column(db.String(40))
    company = db.Column(db.String(160))
    tags = db.Column(db.String(255), default="")
    unsubscribed = db.Column(db.Boolean, default=False, nullable=False)
    unsubscribe_token = db.Column(db.String(64), unique=True)
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)

    notes = db.relationship("Note", backref="contact", lazy="dynamic",
                            order_by="Note.created_at.desc()", cascade="all, delete-orphan")
    deals = db.relationship("Deal", backref="contact", lazy="dynamic")

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def tag_list(self):
        return [t.strip() for t in (self.tags or "").split(",") if t.strip()]


class Deal(db.Model):
    __tablename__ = "deals"

    STAGES = ("lead", "qualified", "proposal", "negotiation", "won", "lost")

    id = db.Column(db.Integer, primary_key=True)
    contact_id = db.Column(db.Integer, db.ForeignKey("contacts.id"), nullable=False)
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False, index=True)
    title = db.Column(db.String(200), nullable=False)
    amount = db.Column(db.Numeric(12, 2), default=0)
    currency = db.Column(db.String(3), default="EUR")
    stage = db.Column(db.String(20), default="lead", nullable=False)
    external_invoice_id = db.Column(db.String(64), index=True)
    share_slug = db.Column(db.String(32), unique=True)
    share_salt = db.Column(db.String(32))
    share_password_hash = db.Column(db.String(128))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)
    updated_at = db.Column(db.DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    closed_at = db.Column(db.DateTime(timezone=True))


class Note(db.Model):
    __tablename__ = "notes"

    id = db.Column(db.Integer, primary_key=True)
    contact_id = db.Column(db.Integer, db.ForeignKey("contacts.id"), nullable=False, index=True)
    author_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    body = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)

    author = db.relationship("User")


class Campaign(db.Model):
    __tablename__ = "campaigns"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(160), nullable=False)
    subject = db.Column(db.String(200), nullable=False)
    subject_b = db.Column(db.String(200))
    body_html = db.Column(db.Text, nullable=False)
    audience_tag = db.Column(db.String(80))
    created_by = db.Column(db.Integer, db.ForeignKey("users.id"))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)
    sent_at = db.Column(db.DateTime(timezone=True))
    sent_count = db.Column(db.Integer, default=0)


class Invite(db.Model):
    __tablename__ = "invites"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), nullable=False)
    token = db.Column(db.String(64), unique=True, nullable=False)
    invited_by = db.Column(db.Integer, db.ForeignKey("users.id"))
    expires_at = db.Column(db.DateTime(timezone=True), nullable=False)
    accepted_at = db.Column(db.DateTime(timezone=True))


class PasswordReset(db.Model):
    __tablename__ = "password_resets"

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False)
    token_hash = db.Column(db.String(64), unique=True, nullable=False)
    expires_at = db.Column(db.DateTime(timezone=True), nullable=False)
    used_at = db.Column(db.DateTime(timezone=True))

    user = db.relationship("User")


class ApiClient(db.Model):
    """Integration keys, e.g. the website lead form posting to /api/v1/leads."""
    __tablename__ = "api_clients"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    key = db.Column(db.String(64), unique=True, nullable=False)
    created_by = db.Column(db.Integer, db.ForeignKey("users.id"))
    created_at = db.Column(db.DateTime(timezone=True), default=utcnow)
    revoked_at = db.Column(db.DateTime(timezone=True))
