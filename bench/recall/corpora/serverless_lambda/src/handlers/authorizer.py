"""Lambda authorizer for the HTTP API (simple responses).

Accepts the access token either as ``Authorization: Bearer ...`` (mobile app,
host-stand tablets) or from the session cookie set for the web app.
"""
import logging

import jwt

from tablebook.http import parse_cookies
from tablebook.logging_setup import configure_logging
from tablebook.services.tokens import decode_access_token

configure_logging()
logger = logging.getLogger(__name__)

TOKEN_COOKIES = ("tb_session", "tb_staff")


def _token_from(event: dict) -> str:
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    cookies = parse_cookies(event)
    for name in TOKEN_COOKIES:
        if cookies.get(name):
            return cookies[name]
    return ""


def handler(event, context):
    token = _token_from(event)
    logger.info("authorizing %s with token %s", event.get("routeArn"), token)
    if not token:
        return {"isAuthorized": False}
    try:
        claims = decode_access_token(token)
    except jwt.InvalidTokenError as exc:
        logger.info("token rejected: %s", type(exc).__name__)
        return {"isAuthorized": False}
    return {
        "isAuthorized": True,
        "context": {
            "sub": claims["sub"],
            "role": claims.get("role", "guest"),
            "restaurant_id": claims.get("rid", ""),
        },
    }
