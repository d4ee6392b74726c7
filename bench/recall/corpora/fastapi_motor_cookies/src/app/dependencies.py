"""FastAPI dependencies: database, repositories, services and the current user."""
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.config import get_settings
from app.db import get_database
from app.repositories.events import EventRepository, RsvpRepository
from app.repositories.users import EmailTokenRepository, UserRepository
from app.security.cookies import SESSION_TOKEN_COOKIE
from app.security.tokens import ACCESS_TOKEN_TYPE, TokenError, decode_token
from app.services.accounts import AccountService
from app.services.admin import AdminService
from app.services.auth import AuthService
from app.services.events import EventService
from app.services.invites import InviteService
from app.services.mailer import Mailer
from app.services.reports import ReportService

Database = Annotated[AsyncIOMotorDatabase, Depends(get_database)]


@lru_cache
def get_mailer() -> Mailer:
    return Mailer()


def get_user_repo(db: Database) -> UserRepository:
    return UserRepository(db)


def get_event_repo(db: Database) -> EventRepository:
    return EventRepository(db)


def get_rsvp_repo(db: Database) -> RsvpRepository:
    return RsvpRepository(db)


def get_auth_service(db: Database) -> AuthService:
    return AuthService(UserRepository(db))


def get_account_service(db: Database, mailer: Mailer = Depends(get_mailer)) -> AccountService:
    return AccountService(UserRepository(db), EmailTokenRepository(db), mailer)


def get_event_service(db: Database, mailer: Mailer = Depends(get_mailer)) -> EventService:
    return EventService(EventRepository(db), RsvpRepository(db), UserRepository(db), mailer)


def get_invite_service(db: Database) -> InviteService:
    return InviteService(db, EventRepository(db))


def get_admin_service(db: Database, mailer: Mailer = Depends(get_mailer)) -> AdminService:
    return AdminService(UserRepository(db), mailer)


def get_report_service() -> ReportService:
    return ReportService(get_settings().analytics_db_path)


def _bearer_token(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value:
        return value.strip()
    return None


async def get_current_user_optional(
    request: Request, users: UserRepository = Depends(get_user_repo)
) -> dict | None:
    token = _bearer_token(request) or request.cookies.get(SESSION_TOKEN_COOKIE)
    if not token:
        return None
    try:
        claims = decode_token(token, ACCESS_TOKEN_TYPE)
    except TokenError:
        return None
    user = await users.get_by_id(claims["sub"])
    if user is None or not user.get("is_active", True):
        return None
    request.state.user = user
    return user


async def get_current_user(user: dict | None = Depends(get_current_user_optional)) -> dict:
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Please log in.")
    return user


OptionalUser = Annotated[dict | None, Depends(get_current_user_optional)]
CurrentUser = Annotated[dict, Depends(get_current_user)]


def require_role(*roles: str):
    async def dependency(user: CurrentUser) -> dict:
        if user.get("role") not in roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "You do not have access to this area.")
        return user

    return dependency
