"""Account lifecycle operations for partner users and staff invites."""
from __future__ import annotations

from connexion.problem import problem

from labtrack import tasks
from labtrack.api import forbidden
from labtrack.database import get_session
from labtrack.extensions import limiter
from labtrack.repositories import users as users_repo
from labtrack.services import accounts
from labtrack.services.passwords import WeakPasswordError


def _account_problem(exc: Exception):
    status = getattr(exc, "status", 400)
    return problem(status, "Account error", str(exc))


def register(body: dict):
    session = get_session()
    try:
        user = accounts.register_partner(
            session,
            email=body["email"],
            full_name=body["full_name"],
            password=body["password"],
            site_code=body["site_code"],
        )
    except (accounts.AccountError, WeakPasswordError) as exc:
        return _account_problem(exc)
    tasks.send_verification_email.delay(user.id)
    return {"id": user.id, "email": user.email, "email_verified": False}, 201


def verify_email(body: dict):
    try:
        accounts.verify_email(get_session(), body["token"])
    except accounts.AccountError as exc:
        return _account_problem(exc)
    return {"status": "verified"}, 200


def _email_from_body() -> str:
    from flask import request

    return (request.get_json(silent=True) or {}).get("email", "").lower()


@limiter.limit("3/hour", key_func=_email_from_body)
@limiter.limit("10/hour")
def resend_verification(body: dict):
    user = users_repo.get_by_email(get_session(), body["email"])
    if user is not None and not user.email_verified:
        tasks.send_verification_email.delay(user.id)
    return {"status": "accepted"}, 202


def request_password_reset(body: dict):
    started = accounts.start_password_reset(get_session(), body["email"])
    if started is not None:
        user, token = started
        tasks.send_password_reset_email.delay(user.id, token)
    # Same answer whether or not the address exists.
    return {"status": "accepted"}, 202


@limiter.limit("10/hour")
def confirm_password_reset(body: dict):
    try:
        accounts.complete_password_reset(get_session(), body["token"], body["new_password"])
    except (accounts.AccountError, WeakPasswordError) as exc:
        return _account_problem(exc)
    return {"status": "password_changed"}, 200


def create_invite(body: dict, user: str, token_info: dict):
    if token_info.get("role") != "admin":
        return forbidden("Only administrators can invite staff.")
    session = get_session()
    inviter = users_repo.get(session, int(user))
    try:
        invite = accounts.create_invite(
            session,
            email=body["email"],
            role=body["role"],
            site_code=body.get("site_code"),
            invited_by=inviter,
        )
    except accounts.AccountError as exc:
        return _account_problem(exc)
    return {"id": invite.id, "email": invite.email, "code": invite.code, "expires_at": invite.expires_at.isoformat()}, 201


@limiter.limit("10/hour")
def accept_invite(body: dict):
    try:
        new_user = accounts.accept_invite(get_session(), body["code"], body["full_name"], body["password"])
    except (accounts.AccountError, WeakPasswordError) as exc:
        return _account_problem(exc)
    return {"id": new_user.id, "email": new_user.email, "role": new_user.role}, 201
