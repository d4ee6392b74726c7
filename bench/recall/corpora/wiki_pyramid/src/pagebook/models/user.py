import datetime as dt
import hashlib
from typing import Optional

from sqlalchemy import Boolean, DateTime, ForeignKey, String, Unicode, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..services.passwords import hash_password, verify_password
from .meta import Base


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(Unicode(64), unique=True)
    email: Mapped[str] = mapped_column(Unicode(255), unique=True)
    display_name: Mapped[Optional[str]] = mapped_column(Unicode(128))
    # NULL for accounts that authenticate against LDAP
    password_hash: Mapped[Optional[str]] = mapped_column(String(128))
    auth_source: Mapped[str] = mapped_column(String(16), default="local")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_login_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))

    memberships: Mapped[list["Membership"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def __repr__(self):
        return f"<User {self.id} {self.username!r}>"

    @property
    def name(self):
        return self.display_name or self.username

    def set_password(self, raw):
        self.password_hash = hash_password(raw)

    def check_password(self, raw):
        if self.auth_source != "local":
            return False
        return verify_password(raw, self.password_hash)

    @property
    def avatar_url(self):
        digest = hashlib.md5(self.email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
        return f"https://www.gravatar.com/avatar/{digest}?d=identicon&s=64"

    def principals(self):
        result = [f"user:{self.id}"]
        if self.is_admin:
            result.append("group:admin")
        for membership in self.memberships:
            result.append(f"space:{membership.space_id}:{membership.role}")
        return result


class Membership(Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "space_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    space_id: Mapped[int] = mapped_column(ForeignKey("spaces.id", ondelete="CASCADE"))
    # reader / editor / owner, see resources.ROLE_PERMISSIONS
    role: Mapped[str] = mapped_column(String(16), default="editor")

    user: Mapped[User] = relationship(back_populates="memberships")
    space: Mapped["Space"] = relationship(back_populates="memberships")  # noqa: F821


class PasswordReset(Base):
    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()

    def is_valid(self, now):
        return self.used_at is None and now < self.expires_at


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(Unicode(255), default="")
    ip_address: Mapped[Optional[str]] = mapped_column(String(45))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    actor: Mapped[Optional[User]] = relationship()

    @property
    def actor_name(self):
        return self.actor.username if self.actor is not None else "system"

    @classmethod
    def record(cls, request, action, target=""):
        actor = request.identity
        entry = cls(
            actor_id=actor.id if actor is not None else None,
            action=action,
            target=str(target)[:255],
            ip_address=request.client_addr,
        )
        request.dbsession.add(entry)
        return entry
