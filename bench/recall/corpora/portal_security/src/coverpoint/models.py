"""Database models.

User and Role come from Flask-Security's fsqla_v3 mixins; everything else is
plain SQLAlchemy 2.0 declarative mapping on top of Flask-SQLAlchemy.
"""
from __future__ import annotations

import enum
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Optional

from flask_security.models import fsqla_v3 as fsqla
from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db

fsqla.FsModels.set_db_info(appdb=db, user_table_name="user", role_table_name="role", webauthn_table_name="webauthn")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; treat them as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class Role(db.Model, fsqla.FsRoleMixin):
    __tablename__ = "role"


class WebAuthn(db.Model, fsqla.FsWebAuthnMixin):
    __tablename__ = "webauthn"


class User(db.Model, fsqla.FsUserMixin):
    __tablename__ = "user"

    first_name = db.Column(db.String(80))
    last_name = db.Column(db.String(80))
    phone = db.Column(db.String(32))

    customer = relationship("Customer", back_populates="user", uselist=False)

    @property
    def display_name(self) -> str:
        full = f"{self.first_name or ''} {self.last_name or ''}".strip()
        return full or self.email

    @property
    def is_staff(self) -> bool:
        return self.has_role("broker") or self.has_role("admin")


class ContactPreference(str, enum.Enum):
    EMAIL = "email"
    PHONE = "phone"
    SMS = "sms"
    POST = "post"


class Customer(db.Model):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"), unique=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80), index=True)
    email: Mapped[str] = mapped_column(String(255), index=True)
    phone: Mapped[Optional[str]] = mapped_column(String(32))
    date_of_birth: Mapped[Optional[date]] = mapped_column(Date)
    address_line1: Mapped[Optional[str]] = mapped_column(String(120))
    address_line2: Mapped[Optional[str]] = mapped_column(String(120))
    town: Mapped[Optional[str]] = mapped_column(String(80))
    postcode: Mapped[Optional[str]] = mapped_column(String(10), index=True)
    contact_preference: Mapped[ContactPreference] = mapped_column(
        Enum(ContactPreference), default=ContactPreference.EMAIL
    )
    marketing_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user = relationship("User", back_populates="customer")
    policies: Mapped[list["Policy"]] = relationship(back_populates="customer", order_by="Policy.start_date")
    documents: Mapped[list["Document"]] = relationship(back_populates="customer")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Partner(db.Model):
    """An aggregator or introducer that uses the partner REST API."""

    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    contact_email: Mapped[str] = mapped_column(String(255))
    client_id: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    api_key_prefix: Mapped[Optional[str]] = mapped_column(String(16))
    api_key_hash: Mapped[Optional[str]] = mapped_column(String(64), unique=True, index=True)
    scopes: Mapped[list] = mapped_column(JSON, default=list)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])


class Policy(db.Model):
    __tablename__ = "policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    partner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("partner.id"), index=True)
    policy_number: Mapped[str] = mapped_column(String(32), unique=True)
    product: Mapped[str] = mapped_column(String(32))
    carrier: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="quoted", index=True)
    premium: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    excess: Mapped[Optional[Decimal]] = mapped_column(Numeric(10, 2))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    summary: Mapped[Optional[str]] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    customer: Mapped[Customer] = relationship(back_populates="policies")
    claims: Mapped[list["Claim"]] = relationship(back_populates="policy")


class Claim(db.Model):
    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy.id"), index=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text)
    incident_date: Mapped[date] = mapped_column(Date)
    amount_claimed: Mapped[Optional[Decimal]] = mapped_column(Numeric(10, 2))
    status: Mapped[str] = mapped_column(String(16), default="submitted", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    policy: Mapped[Policy] = relationship(back_populates="claims")
    messages: Mapped[list["ClaimMessage"]] = relationship(
        back_populates="claim", order_by="ClaimMessage.created_at"
    )

    OPEN_STATUSES = ("submitted", "in_review", "awaiting_info")

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class ClaimMessage(db.Model):
    __tablename__ = "claim_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="messages")
    author = relationship("User")


class Document(db.Model):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    policy_id: Mapped[Optional[int]] = mapped_column(ForeignKey("policy.id"))
    claim_id: Mapped[Optional[int]] = mapped_column(ForeignKey("claim.id"))
    category: Mapped[str] = mapped_column(String(32), default="other")
    original_name: Mapped[str] = mapped_column(String(255))
    storage_key: Mapped[str] = mapped_column(String(255), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    customer: Mapped[Customer] = relationship(back_populates="documents")
    shares: Mapped[list["DocumentShare"]] = relationship(back_populates="document", cascade="all, delete-orphan")


class DocumentShare(db.Model):
    """A link that lets a third party (solicitor, loss adjuster) fetch one document."""

    __tablename__ = "document_share"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    recipient_email: Mapped[str] = mapped_column(String(255))
    password_hash: Mapped[Optional[str]] = mapped_column(String(128))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    access_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="shares")

    @property
    def is_expired(self) -> bool:
        return as_utc(self.expires_at) <= utcnow()


class AgentInvite(db.Model):
    __tablename__ = "agent_invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    invited_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))


class CallbackRequest(db.Model):
    __tablename__ = "callback_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    phone: Mapped[str] = mapped_column(String(32))
    preferred_time: Mapped[str] = mapped_column(String(16))
    reason: Mapped[Optional[str]] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    handled_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))

    customer: Mapped[Customer] = relationship()


class AuditEvent(db.Model):
    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user.id"))
    partner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("partner.id"))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[Optional[str]] = mapped_column(String(120))
    ip_address: Mapped[Optional[str]] = mapped_column(String(45))
    details: Mapped[Optional[dict]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


def record_audit(action: str, target: str | None = None, *, actor=None, partner=None, ip=None, **details) -> None:
    db.session.add(
        AuditEvent(
            actor_id=getattr(actor, "id", None),
            partner_id=getattr(partner, "id", None),
            action=action,
            target=target,
            ip_address=ip,
            details=details or None,
        )
    )
