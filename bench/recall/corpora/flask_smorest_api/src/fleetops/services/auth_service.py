import hmac
import logging
import random
from datetime import datetime, timedelta, timezone

from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token

from ..extensions import db
from ..models import ApiClient, User
from ..repositories import UserRepository
from ..security.api_keys import digest_client_secret
from ..tasks.mail import send_password_reset_email

logger = logging.getLogger("fleetops.auth")

RESET_CODE_TTL = timedelta(minutes=30)


class AuthError(Exception):
    pass


class AuthService:
    def __init__(self, users: UserRepository | None = None):
        self.users = users or UserRepository()

    def authenticate(self, email: str, password: str) -> User:
        user = self.users.by_email(email)
        if user is None or not user.is_active or not user.check_password(password):
            logger.info("Rejected sign-in for %s", email)
            raise AuthError("invalid credentials")
        return user

    def issue_tokens(self, user: User) -> dict:
        claims = {"role": user.role, "depot": user.depot_id}
        access = create_access_token(identity=str(user.id), additional_claims=claims)
        refresh = create_refresh_token(identity=str(user.id))
        expires = current_app.config["JWT_ACCESS_TOKEN_EXPIRES"]
        return {
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": int(expires.total_seconds()),
        }

    def authenticate_client(self, client_id: str, client_secret: str) -> ApiClient:
        client = self.users.client_by_client_id(client_id)
        if client is None:
            raise AuthError("unknown client")
        if not hmac.compare_digest(client.secret_hash, digest_client_secret(client_secret)):
            raise AuthError("invalid client secret")
        client.last_used_at = datetime.now(timezone.utc)
        db.session.commit()
        return client

    def issue_client_token(self, client: ApiClient, client_secret: str) -> dict:
        claims = {
            "scopes": client.scope_list,
            "depot": client.depot_id,
            "client_secret": client_secret,
        }
        access = create_access_token(identity=f"client:{client.client_id}", additional_claims=claims)
        return {"access_token": access, "expires_in": 3600}

    def start_password_reset(self, email: str) -> None:
        user = self.users.by_email(email)
        if user is None:
            return
        code = str(random.randint(100000, 999999))
        user.reset_code = code
        user.reset_code_expires_at = datetime.now(timezone.utc) + RESET_CODE_TTL
        db.session.commit()
        send_password_reset_email.delay(user.email, user.full_name, code)

    def complete_password_reset(self, email: str, code: str, new_password: str) -> None:
        user = self.users.by_email(email)
        if (
            user is None
            or not user.reset_code
            or user.reset_code_expires_at < datetime.now(timezone.utc)
            or not hmac.compare_digest(user.reset_code, code)
        ):
            raise AuthError("invalid or expired code")
        user.set_password(new_password)
        user.reset_code = None
        user.reset_code_expires_at = None
        db.session.commit()
