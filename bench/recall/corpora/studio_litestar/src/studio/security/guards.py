"""Route guards for staff roles and the client portal session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from studio.config.settings import get_settings
from studio.db.models import StaffRole, User

Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], None]


def requires_role(*roles: StaffRole) -> Guard:
    allowed = set(roles)

    def _guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        user: User | None = connection.scope.get("user")
        if user is None:
            raise NotAuthorizedException()
        if user.role not in allowed:
            raise PermissionDeniedException("Your role does not allow this action")

    return _guard


requires_owner = requires_role(StaffRole.OWNER)
requires_staff = requires_role(StaffRole.OWNER, StaffRole.PHOTOGRAPHER, StaffRole.ASSISTANT)
requires_photographer = requires_role(StaffRole.OWNER, StaffRole.PHOTOGRAPHER)


def requires_portal_client(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    session = connection.scope.get("session") or {}
    if not session.get("client_id"):
        raise NotAuthorizedException("Please sign in to the client portal")


def requires_ops_key(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    configured = get_settings().ops_api_key
    if configured is None:
        raise PermissionDeniedException("ops endpoints are disabled")
    provided = connection.headers.get("x-ops-key", "")
    if provided != configured.get_secret_value():
        raise NotAuthorizedException("bad ops key")
