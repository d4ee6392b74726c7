"""Forgotten-password flow: request a link by e-mail, then set a new password."""
import logging
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from tablebook.config import get_settings
from tablebook.formatting import mask_email
from tablebook.http import HTTPError, json_response
from tablebook.repositories import users
from tablebook.router import Router
from tablebook.services import mailer
from tablebook.services.codes import hash_token, password_reset_token
from tablebook.services.passwords import hash_password, validate_password

logger = logging.getLogger(__name__)
router = Router("password-reset")

RESET_TOKEN_TTL = timedelta(hours=1)
RESET_TOKEN_PARAM = "token"


def _reset_url(token: str) -> str:
    return f"{get_settings().app_origin}/reset-password?{urlencode({RESET_TOKEN_PARAM: token})}"


@router.post("/auth/password-reset")
def request_reset(request):
    email = str(request.json().get("email", "")).strip().lower()
    if not email:
        raise HTTPError(400, "e-mail is required")

    user = users.get_by_email(email)
    if user and not user.get("disabled"):
        token = password_reset_token()
        users.update_fields(user["user_id"], {
            "reset_token_hash": hash_token(token),
            "reset_expires_at": (datetime.now(timezone.utc) + RESET_TOKEN_TTL).isoformat(),
        })
        mailer.send_password_reset(user, _reset_url(token))

    logger.info("password reset requested for %s", mask_email(email))
    return json_response(202, {"status": "if the address is registered, an e-mail is on its way"})


@router.post("/auth/password-reset/confirm")
def confirm_reset(request):
    data = request.json()
    token = str(data.get(RESET_TOKEN_PARAM, ""))
    new_password = str(data.get("password", ""))
    user = users.get_by_reset_token_hash(hash_token(token)) if token else None
    if not user:
        raise HTTPError(400, "this link is invalid or has already been used")
    if datetime.fromisoformat(user["reset_expires_at"]) < datetime.now(timezone.utc):
        raise HTTPError(400, "this link has expired, please ask for a new one")
    problems = validate_password(new_password)
    if problems:
        raise HTTPError(400, "password " + "; ".join(problems))

    users.update_fields(user["user_id"], {"password_hash": hash_password(new_password)})
    users.clear_reset_token(user["user_id"])
    return json_response(200, {"status": "password updated"})


def handler(event, context):
    return router(event, context)
