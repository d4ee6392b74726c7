import hashlib
import hmac
from datetime import datetime, timezone
from decimal import Decimal
from typing import List, Optional

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db


def utcnow():
    return datetime.now(timezone.utc)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"

    ROLES = ("applicant", "reviewer", "admin")

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[Optional[str]] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    temp_password: Mapped[Optional[str]] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(20), default="applicant")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    last_login_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    avatar_colour: Mapped[str] = mapped_column(String(7), default="#6c757d")

    applications: Mapped[List["Application"]] = relationship(
        back_populates="applicant", foreign_keys="Application.applicant_id"
    )
    reviews: Mapped[List["Review"]] = relationship(back_populates="reviewer")
    api_keys: Mapped[List["ApiKey"]] = relationship(back_populates="user")

    @property
    def is_active(self):
        return self.active

    def has_role(self, *roles):
        if self.role == "admin":
            return True
        return self.role in roles

    def set_password(self, password):
        method = current_app.config["PASSWORD_HASH_METHOD"]
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password):
        if self.password_hash.startswith("sha256$"):
            # accounts migrated from the old reviewer portal
            _, salt, digest = self.password_hash.split("$", 2)
            candidate = hashlib.sha256((salt + password).encode()).hexdigest()
            if hmac.compare_digest(candidate, digest):
                self.set_password(password)
                return True
            return False
        return check_password_hash(self.password_hash, password)

    @property
    def initials(self):
        parts = [p for p in self.name.split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    def __repr__(self):
        return f"<User {self.id} {self.email}>"


class ApiKey(TimestampMixin, db.Model):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    label: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_used_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)

    user: Mapped[User] = relationship(back_populates="api_keys")

    @staticmethod
    def hash_key(raw_key):
        return hashlib.sha256(raw_key.encode()).hexdigest()

    @classmethod
    def lookup(cls, raw_key):
        key = db.session.scalar(
            select(cls).where(cls.key_hash == cls.hash_key(raw_key), cls.revoked.is_(False))
        )
        if key is None:
            return None
        key.last_used_at = utcnow()
        db.session.commit()
        return key.user


class Program(db.Model):
    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[Optional[str]] = mapped_column(Text)

    rounds: Mapped[List["FundingRound"]] = relationship(back_populates="program")


class FundingRound(db.Model):
    __tablename__ = "funding_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))
    name: Mapped[str] = mapped_column(String(120))
    opens_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closes_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    budget: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    reviews_per_application: Mapped[int] = mapped_column(Integer, default=3)

    program: Mapped[Program] = relationship(back_populates="rounds")
    applications: Mapped[List["Application"]] = relationship(back_populates="round")

    @property
    def is_open(self):
        now = utcnow()
        return self.opens_at <= now <= self.closes_at


class Application(TimestampMixin, db.Model):
    __tablename__ = "applications"

    STATUSES = ("draft", "submitted", "under_review", "awarded", "declined", "withdrawn")

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("funding_rounds.id"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_html: Mapped[str] = mapped_column(Text, default="")
    requested_amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    submitted_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    share_token: Mapped[Optional[str]] = mapped_column(String(64), unique=True)
    pdf_path: Mapped[Optional[str]] = mapped_column(String(255))
    signed_agreement_id: Mapped[Optional[str]] = mapped_column(String(64))

    round: Mapped[FundingRound] = relationship(back_populates="applications")
    applicant: Mapped[User] = relationship(
        back_populates="applications", foreign_keys=[applicant_id]
    )
    reviews: Mapped[List["Review"]] = relationship(back_populates="application")
    collaborators: Mapped[List["Collaborator"]] = relationship(back_populates="application")

    @property
    def is_editable(self):
        return self.status == "draft"

    def can_view(self, user):
        if user.has_role("reviewer"):
            return True
        if self.applicant_id == user.id:
            return True
        return any(c.user_id == user.id for c in self.collaborators)

    def average_score(self):
        scores = [r.score for r in self.reviews if r.score is not None]
        return round(sum(scores) / len(scores), 2) if scores else None


class Collaborator(db.Model):
    __tablename__ = "collaborators"
    __table_args__ = (UniqueConstraint("application_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    application: Mapped[Application] = relationship(back_populates="collaborators")
    user: Mapped[User] = relationship()


class Invitation(db.Model):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    email: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    invited_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))

    application: Mapped[Application] = relationship()
    invited_by: Mapped[User] = relationship()


class Review(TimestampMixin, db.Model):
    __tablename__ = "reviews"
    __table_args__ = (UniqueConstraint("application_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    score: Mapped[Optional[int]] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    conflict_of_interest: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))

    application: Mapped[Application] = relationship(back_populates="reviews")
    reviewer: Mapped[User] = relationship(back_populates="reviews")


class ExportJob(TimestampMixin, db.Model):
    __tablename__ = "export_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("funding_rounds.id"))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    rq_job_id: Mapped[Optional[str]] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="queued")
    file_path: Mapped[Optional[str]] = mapped_column(String(255))
