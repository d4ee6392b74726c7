"""JWT helpers (python-jose) for sessions, password resets, chat tickets and e-mail links."""
import uuid
from datetime import datetime, timedelta, timezone

from jose import JWTError, jwt

from app.config import get_settings

settings = get_settings()

ACCESS_TOKEN_TYPE = "access"
REFRESH_TOKEN_TYPE = "refresh"
RESET_TOKEN_TYPE = "reset"
CHAT_TOKEN_TYPE = "chat"
UNSUBSCRIBE_TOKEN_TYPE = "unsubscribe"


class TokenError(Exception):
    """Raised when a token cannot be decoded or is not of the expected kind."""


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _encode(claims: dict) -> str:
    return jwt.encode(claims, settings.jwt_secret, algorithm=settings.jwt_algorithm)


def _check_type(claims: dict, expected_type: str) -> dict:
    if claims.get("type") != expected_type:
        raise TokenError("unexpected token type")
    return claims


def create_access_token(user_id: str, role: str) -> str:
    now = _utcnow()
    expires = now + timedelta(minutes=settings.access_token_expire_minutes)
    return _encode({"sub": user_id, "role": role, "type": ACCESS_TOKEN_TYPE, "iat": now, "exp": expires, "jti": uuid.uuid4().hex})


def create_refresh_token(user_id: str) -> str:
    now = _utcnow()
    expires = now + timedelta(days=settings.refresh_token_expire_days)
    return _encode({"sub": user_id, "type": REFRESH_TOKEN_TYPE, "iat": now, "exp": expires, "jti": uuid.uuid4().hex})


def create_password_reset_token(user_id: str, email: str) -> str:
    return _encode({"sub": user_id, "email": email, "type": RESET_TOKEN_TYPE, "iat": _utcnow()})


def create_unsubscribe_token(user_id: str, topic: str) -> str:
    return _encode({"sub": user_id, "topic": topic, "type": UNSUBSCRIBE_TOKEN_TYPE, "exp": _utcnow() + timedelta(days=30)})


def create_chat_ticket(user_id: str, event_id: str) -> str:
    expires = _utcnow() + timedelta(seconds=settings.chat_ticket_expire_seconds)
    return _encode({"sub": user_id, "evt": event_id, "type": CHAT_TOKEN_TYPE, "exp": expires})


def decode_token(token: str, expected_type: str) -> dict:
    try:
        claims = jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])
    except JWTError as exc:
        raise TokenError(str(exc)) from exc
    return _check_type(claims, expected_type)


def decode_chat_ticket(ticket: str) -> dict:
    # Tickets are minted by the web app (HS256) and by the mobile gateway (HS512).
    try:
        header = jwt.get_unverified_header(ticket)
        claims = jwt.decode(ticket, settings.jwt_secret, algorithms=[header.get("alg", settings.jwt_algorithm)])
    except JWTError as exc:
        raise TokenError(str(exc)) from exc
    return _check_type(claims, CHAT_TOKEN_TYPE)
