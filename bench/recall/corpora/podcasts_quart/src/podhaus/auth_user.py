"""Quart-Auth user class backed by the users table."""
from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from quart import abort
from quart_auth import AuthUser, current_user, login_required

from .extensions import db
from .repositories import users as users_repo


class User(AuthUser):
    def __init__(self, auth_id: str | None, *args: Any) -> None:
        super().__init__(auth_id, *args)
        self._loaded = False
        self._record: dict[str, Any] | None = None

    async def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        if self.auth_id is not None:
            row = await users_repo.get_by_id(db.pool, int(self.auth_id))
            self._record = dict(row) if row else None

    @property
    async def record(self) -> dict[str, Any] | None:
        await self._load()
        return self._record

    @property
    async def id(self) -> int | None:
        record = await self.record
        return record["id"] if record else None

    @property
    async def is_admin(self) -> bool:
        record = await self.record
        return bool(record and record["role"] in ("admin", "staff"))


def admin_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    @login_required
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not await current_user.is_admin:
            abort(403)
        return await view(*args, **kwargs)

    return wrapper


async def current_user_id() -> int:
    user_id = await current_user.id
    if user_id is None:
        abort(401)
    return user_id
