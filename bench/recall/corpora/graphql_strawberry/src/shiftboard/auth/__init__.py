"""Authentication: resolving the caller of a request.

REST routes and the GraphQL context both go through :func:`resolve_request_user`
so a bearer token and the browser session cookie behave the same everywhere.
"""
from fastapi import Depends, HTTPException, Request, status
from sqlmodel import Session

from ..config import get_settings
from ..db import get_session
from ..models import User
from . import sessions, tokens

settings = get_settings()


def resolve_request_user(db: Session, request: Request) -> User | None:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and credentials:
        try:
            claims = tokens.decode_access_token(credentials.strip())
        except tokens.TokenError:
            return None
        user = db.get(User, int(claims["sub"]))
        return user if user is not None and user.is_active else None

    sid = request.cookies.get(settings.session_cookie_name)
    if sid:
        return sessions.load_user(db, sid, kind="web")
    return None


def current_user(request: Request, db: Session = Depends(get_session)) -> User:
    user = resolve_request_user(db, request)
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


def require_coordinator(user: User = Depends(current_user)) -> User:
    if not user.is_coordinator:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Coordinator role required")
    return user
