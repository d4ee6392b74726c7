"""Users, admin sessions, API clients, invitations and password resets."""

from datetime import datetime, timezone

from sqlalchemy import delete, func, insert, select, update

from stockroom.db import api_clients, invites, password_resets, sessions, users
from stockroom.repositories.base import CoreRepository


class UserRepository(CoreRepository):
    table = users

    def get_by_email(self, email: str) -> dict | None:
        return self._one(select(users).where(func.lower(users.c.email) == email.strip().lower()))

    def get_by_badge(self, badge_number: str) -> dict | None:
        return self._one(select(users).where(users.c.badge_number == badge_number))

    def list(self, *, include_inactive: bool = True) -> list[dict]:
        stmt = select(
            users.c.id,
            users.c.email,
            users.c.full_name,
            users.c.role,
            users.c.badge_number,
            users.c.active,
            users.c.last_login_at,
            (users.c.scanner_passcode_hash.is_not(None)).label("has_passcode"),
        ).order_by(users.c.full_name)
        if not include_inactive:
            stmt = stmt.where(users.c.active.is_(True))
        return self._all(stmt)

    def set_active(self, user_ids: list[int], active: bool) -> int:
        if not user_ids:
            return 0
        with self.engine.begin() as conn:
            result = conn.execute(update(users).where(users.c.id.in_(user_ids)).values(active=active))
            if not active:
                conn.execute(delete(sessions).where(sessions.c.user_id.in_(user_ids)))
        return result.rowcount


class SessionRepository(CoreRepository):
    table = sessions

    def create(self, sid: str, user_id, data: dict, expires_at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(sessions).values(id=sid, user_id=user_id, data=data, expires_at=expires_at))

    def update(self, sid: str, data: dict, expires_at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(sessions).where(sessions.c.id == sid).values(data=data, expires_at=expires_at))

    def delete(self, sid: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.id == sid))

    def purge_expired(self) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(delete(sessions).where(sessions.c.expires_at < datetime.now(timezone.utc)))
        return result.rowcount


class ApiClientRepository(CoreRepository):
    table = api_clients

    def get_by_client_id(self, client_id: str) -> dict | None:
        return self._one(select(api_clients).where(api_clients.c.client_id == client_id))


class InviteRepository(CoreRepository):
    table = invites

    def get_by_token_hash(self, token_hash: str) -> dict | None:
        return self._one(select(invites).where(invites.c.token_hash == token_hash))

    def mark_accepted(self, invite_id: int) -> None:
        self.update(invite_id, {"accepted_at": datetime.now(timezone.utc)})

    def pending(self) -> list[dict]:
        stmt = (
            select(invites.c.id, invites.c.email, invites.c.full_name, invites.c.role, invites.c.expires_at)
            .where(invites.c.accepted_at.is_(None), invites.c.expires_at > func.now())
            .order_by(invites.c.expires_at)
        )
        return self._all(stmt)


class PasswordResetRepository(CoreRepository):
    table = password_resets

    def latest_for_user(self, user_id: int) -> dict | None:
        stmt = (
            select(password_resets)
            .where(password_resets.c.user_id == user_id)
            .order_by(password_resets.c.id.desc())
            .limit(1)
        )
        return self._one(stmt)

    def invalidate_for_user(self, user_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(password_resets)
                .where(password_resets.c.user_id == user_id, password_resets.c.used_at.is_(None))
                .values(used_at=func.now())
            )

    def increment_attempts(self, reset_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(password_resets)
                .where(password_resets.c.id == reset_id)
                .values(attempts=password_resets.c.attempts + 1)
            )

    def mark_used(self, reset_id: int) -> None:
        self.update(reset_id, {"used_at": datetime.now(timezone.utc)})
