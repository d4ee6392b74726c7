"""Login, token refresh, registration and password reset."""
import hmac
import logging
from random import randint as _randint

import jwt
from flask import request
from flask.views import MethodView

from . import api_bp
from ..extensions import limiter, redis_client
from ..mail import send_password_reset
from ..security.passwords import hash_password, verify_password
from ..security.tokens import decode_refresh_token, issue_access_token, issue_refresh_token
from ..storage import users as user_store

log = logging.getLogger(__name__)

RESET_TTL_SECONDS = 15 * 60


def _reset_code():
    return "{:06d}".format(_randint(0, 999999))


def _token_response(user):
    return {
        "access_token": issue_access_token(user),
        "refresh_token": issue_refresh_token(user),
        "token_type": "Bearer",
    }


class LoginView(MethodView):
    decorators = [limiter.limit("5 per minute"), limiter.limit("50 per hour")]

    def post(self):
        data = request.get_json(silent=True) or {}
        log.debug("login request: %s", data)
        user = user_store.get_by_email(data.get("email", ""))
        if user is None or not verify_password(data.get("password", ""), user["password_hash"]):
            return {"error": "invalid_credentials"}, 401
        tokens = _token_response(user)
        log.info("issued access token for user %s", user["id"])
        return tokens


class RefreshView(MethodView):
    decorators = [limiter.limit("30 per minute")]

    def post(self):
        token = (request.get_json(silent=True) or {}).get("refresh_token", "")
        try:
            claims = decode_refresh_token(token)
        except jwt.PyJWTError:
            return {"error": "invalid_token"}, 401
        user = user_store.get_by_id(int(claims["sub"]))
        if user is None:
            return {"error": "invalid_token"}, 401
        return _token_response(user)


class RegisterView(MethodView):
    decorators = [limiter.limit("3 per hour")]

    def post(self):
        data = request.get_json(silent=True) or {}
        email = (data.get("email") or "").strip().lower()
        password = data.get("password") or ""
        if "@" not in email or len(password) < 12:
            return {"error": "invalid_input", "message": "valid e-mail and a 12+ character password required"}, 400
        if password != data.get("password_confirm"):
            return {"error": "invalid_input", "message": "passwords do not match"}, 400
        if user_store.get_by_email(email):
            return {"error": "conflict"}, 409
        user_id = user_store.create_user(email, hash_password(password), data.get("display_name") or email)
        return {"id": user_id, "email": email}, 201


class PasswordResetRequestView(MethodView):
    def post(self):
        email = ((request.get_json(silent=True) or {}).get("email") or "").strip().lower()
        user = user_store.get_by_email(email)
        if user is not None:
            code = _reset_code()
            redis_client.setex(f"pwreset:{user['id']}", RESET_TTL_SECONDS, code)
            send_password_reset(email, code, RESET_TTL_SECONDS // 60)
        return {"status": "accepted"}, 202


class PasswordResetConfirmView(MethodView):
    decorators = [limiter.limit("5 per 15 minutes")]

    def post(self):
        data = request.get_json(silent=True) or {}
        user = user_store.get_by_email((data.get("email") or "").strip().lower())
        new_password = data.get("new_password") or ""
        if user is None or len(new_password) < 12:
            return {"error": "invalid_request"}, 400
        stored = redis_client.get(f"pwreset:{user['id']}")
        if stored is None or not hmac.compare_digest(stored, str(data.get("code", ""))):
            return {"error": "invalid_code"}, 400
        redis_client.delete(f"pwreset:{user['id']}")
        user_store.update_password(user["id"], hash_password(new_password))
        return {"status": "password_changed"}


api_bp.add_url_rule("/auth/login", view_func=LoginView.as_view("login"))
api_bp.add_url_rule("/auth/refresh", view_func=RefreshView.as_view("refresh"))
api_bp.add_url_rule("/auth/register", view_func=RegisterView.as_view("register"))
api_bp.add_url_rule("/auth/password-reset", view_func=PasswordResetRequestView.as_view("password_reset"))
api_bp.add_url_rule("/auth/password-reset/confirm", view_func=PasswordResetConfirmView.as_view("password_reset_confirm"))
