import logging

from sqladmin.authentication import AuthenticationBackend
from starlette.requests import Request

from app.core.config import settings
from app.core.security import verify_password
from app.db.session import SessionLocal
from app.repositories import users as users_repo

logger = logging.getLogger(__name__)

ADMIN_ROLES = {"admin", "manager"}


class AdminAuth(AuthenticationBackend):
    async def login(self, request: Request) -> bool:
        form = await request.form()
        username = str(form.get("username", "")).strip().lower()
        password = str(form.get("password", ""))

        async with SessionLocal() as session:
            user = await users_repo.get_by_email(session, username)
        if user and user.is_active and user.role in ADMIN_ROLES and verify_password(password, user.hashed_password):
            request.session.update({"admin_user_id": user.id, "admin_role": user.role})
            logger.info("admin login user_id=%s", user.id)
            return True

        # Break-glass account configured through the environment.
        if settings.ADMIN_PASSWORD and username == settings.ADMIN_USERNAME and password == settings.ADMIN_PASSWORD:
            request.session.update({"admin_user_id": 0, "admin_role": "admin"})
            logger.warning("break-glass admin login used")
            return True
        return False

    async def logout(self, request: Request) -> bool:
        request.session.clear()
        return True

    async def authenticate(self, request: Request) -> bool:
        return request.session.get("admin_role") in ADMIN_ROLES
