"""Request context and permission classes for the GraphQL API."""
from typing import Any

import asyncpg
from arq.connections import ArqRedis
from fastapi import Depends, Request
from sqlmodel import Session
from strawberry.fastapi import BaseContext
from strawberry.permission import BasePermission
from strawberry.types import Info

from ..auth import resolve_request_user
from ..db import get_session
from ..models import User


class UserFacingError(Exception):
    """Raised by resolvers for errors whose message may be shown to the client."""


class Context(BaseContext):
    def __init__(
        self,
        db: Session,
        user: User | None,
        reports_pool: asyncpg.Pool,
        arq: ArqRedis,
    ) -> None:
        super().__init__()
        self.db = db
        self.user = user
        self.reports_pool = reports_pool
        self.arq = arq

    @property
    def org_id(self) -> int:
        if self.user is None:
            raise UserFacingError("Sign in required")
        return self.user.org_id

    def require_user(self) -> User:
        if self.user is None:
            raise UserFacingError("Sign in required")
        return self.user


async def get_context(request: Request, db: Session = Depends(get_session)) -> Context:
    # Browser clients rely on the session cookie; the mobile app sends a bearer token.
    user = resolve_request_user(db, request)
    return Context(
        db=db,
        user=user,
        reports_pool=request.app.state.reports_pool,
        arq=request.app.state.arq,
    )


class IsAuthenticated(BasePermission):
    message = "Sign in required"

    def has_permission(self, source: Any, info: Info[Context, Any], **kwargs: Any) -> bool:
        return info.context.user is not None


class IsCoordinator(BasePermission):
    message = "Coordinator role required"

    def has_permission(self, source: Any, info: Info[Context, Any], **kwargs: Any) -> bool:
        user = info.context.user
        return user is not None and user.is_coordinator


class IsOrgAdmin(BasePermission):
    message = "Organisation admin role required"

    def has_permission(self, source: Any, info: Info[Context, Any], **kwargs: Any) -> bool:
        user = info.context.user
        return user is not None and user.role == "admin"
