"""POST /auth/token and POST /auth/refresh."""
from __future__ import annotations

from datetime import datetime, timezone

import jwt
import structlog
from connexion.problem import problem

from labtrack.database import get_session
from labtrack.extensions import limiter
from labtrack.repositories import users as users_repo
from labtrack.services import tokens
from labtrack.services.passwords import verify_password

log = structlog.get_logger(__name__)


@limiter.limit("5/minute")
@limiter.limit("50/hour")
def create_token(body: dict):
    session = get_session()
    user = users_repo.get_by_email(session, body["email"])
    if user is None or not user.active or not verify_password(body["password"], user.password_hash):
        log.info("token_denied", reason="bad_credentials")
        return problem(401, "Unauthorized", "Invalid e-mail or password.")
    if user.role == "partner" and not user.email_verified:
        return problem(403, "Forbidden", "Please confirm your e-mail address first.")

    access_token, expires_in = tokens.issue_access_token(user)
    user.last_login_at = datetime.now(timezone.utc)
    session.commit()
    log.info("token_issued", user_id=user.id, role=user.role, expires_in=expires_in)
    return {"access_token": access_token, "token_type": "Bearer", "expires_in": expires_in}, 200


@limiter.limit("30/hour")
def refresh_token(body: dict):
    try:
        claims = tokens.decode_for_refresh(body["access_token"])
    except jwt.PyJWTError:
        return problem(401, "Unauthorized", "Token cannot be refreshed.")

    user = users_repo.get(get_session(), int(claims["sub"]))
    if user is None or not user.active:
        return problem(401, "Unauthorized", "Token cannot be refreshed.")
    access_token, expires_in = tokens.issue_access_token(user, scopes=claims.get("scope", "").split())
    return {"access_token": access_token, "token_type": "Bearer", "expires_in": expires_in}, 200
