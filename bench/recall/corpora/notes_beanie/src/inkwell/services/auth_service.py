"""Login, token issuance / rotation, registration and password reset."""
from __future__ import annotations

import hmac
import logging
import secrets
from datetime import timedelta

from beanie import PydanticObjectId
from fastapi import BackgroundTasks
from pymongo.errors import DuplicateKeyError

from inkwell.config import settings
from inkwell.exceptions import Conflict, PermissionDenied, Unauthorized
from inkwell.models import PasswordReset, RefreshToken, User
from inkwell.schemas import TokenPair
from inkwell.security.passwords import hash_password, needs_rehash, verify_password
from inkwell.security.tokens import (
    TokenError,
    claims_for_revocation,
    create_access_token,
    create_email_token,
    create_refresh_token,
    decode_token,
    hash_token,
)
from inkwell.services.email import queue_email
from inkwell.utils import utcnow

logger = logging.getLogger(__name__)


async def authenticate(email: str, password: str) -> User | None:
    user = await User.find_one(User.email == email.strip().lower())
    if user is None or not user.is_active:
        verify_password(password, None)
        return None
    if not verify_password(password, user.password_hash):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    await user.save_changes()
    return user


async def issue_token_pair(user: User, *, user_agent: str | None = None) -> TokenPair:
    access, access_exp = create_access_token(
        str(user.id), is_admin=user.is_admin, token_version=user.token_version
    )
    refresh, jti, refresh_exp = create_refresh_token(str(user.id))
    await RefreshToken(
        user_id=user.id,
        jti=jti,
        token_hash=hash_token(refresh),
        user_agent=(user_agent or "")[:200] or None,
        expires_at=refresh_exp,
    ).insert()
    return TokenPair(access_token=access, refresh_token=refresh, expires_at=access_exp)


async def rotate_refresh_token(refresh_token: str, *, user_agent: str | None = None) -> TokenPair:
    try:
        claims = decode_token(refresh_token, expected_type="refresh")
    except TokenError as exc:
        raise Unauthorized("Invalid refresh token") from exc

    stored = await RefreshToken.find_one(RefreshToken.jti == claims["jti"])
    if stored is None or not hmac.compare_digest(stored.token_hash, hash_token(refresh_token)):
        raise Unauthorized("Invalid refresh token")
    if stored.revoked_at is not None:
        # A rotated token was presented again: assume it leaked and kill the whole family.
        logger.warning("refresh token reuse detected for user %s", stored.user_id)
        await RefreshToken.find(
            RefreshToken.user_id == stored.user_id, RefreshToken.revoked_at == None  # noqa: E711
        ).update({"$set": {"revoked_at": utcnow()}})
        raise Unauthorized("Invalid refresh token")

    user = await User.get(stored.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("Invalid refresh token")

    pair = await issue_token_pair(user, user_agent=user_agent)
    new_jti = decode_token(pair.refresh_token, expected_type="refresh")["jti"]
    stored.revoked_at = utcnow()
    stored.replaced_by = new_jti
    await stored.save()
    return pair


async def revoke_refresh_token(refresh_token: str) -> None:
    try:
        claims = claims_for_revocation(refresh_token)
    except TokenError:
        return
    await RefreshToken.find_one(RefreshToken.jti == claims["jti"]).update(
        {"$set": {"revoked_at": utcnow()}}
    )


async def logout_everywhere(user: User) -> None:
    user.token_version += 1
    await user.save_changes()
    await RefreshToken.find(RefreshToken.user_id == user.id).update(
        {"$set": {"revoked_at": utcnow()}}
    )


async def register_user(
    email: str, display_name: str, password: str, background: BackgroundTasks
) -> User:
    user = User(
        email=email.strip().lower(),
        display_name=display_name.strip(),
        password_hash=hash_password(password),
    )
    try:
        await user.insert()
    except DuplicateKeyError as exc:
        raise Conflict("An account with this e-mail already exists") from exc
    send_verification_email(user, background)
    return user


def send_verification_email(user: User, background: BackgroundTasks) -> None:
    token = create_email_token(str(user.id), user.email)
    link = f"{settings.public_base_url}/p/verify?token={token}"
    queue_email(
        background,
        "verify_email.html",
        to=user.email,
        subject="Confirm your Inkwell e-mail address",
        name=user.display_name,
        link=link,
    )


async def confirm_email(token: str) -> User:
    try:
        claims = decode_token(token, expected_type="email_verify")
    except TokenError as exc:
        raise PermissionDenied("This confirmation link is invalid or has expired") from exc
    user = await User.get(PydanticObjectId(claims["sub"]))
    if user is None or user.email != claims.get("email"):
        raise PermissionDenied("This confirmation link is invalid or has expired")
    if not user.email_verified:
        user.email_verified = True
        await user.save_changes()
    return user


async def start_password_reset(email: str, background: BackgroundTasks) -> None:
    user = await User.find_one(User.email == email.strip().lower())
    if user is None or not user.is_active:
        logger.info("password reset requested for unknown address")
        return
    await PasswordReset.find(PasswordReset.user_id == user.id, PasswordReset.used == False).delete()  # noqa: E712
    code = f"{secrets.randbelow(1_000_000):06d}"
    await PasswordReset(
        user_id=user.id,
        code_hash=hash_password(code),
        expires_at=utcnow() + timedelta(minutes=settings.password_reset_expire_minutes),
    ).insert()
    queue_email(
        background,
        "reset_code.html",
        to=user.email,
        subject="Your Inkwell password reset code",
        name=user.display_name,
        code=code,
        minutes=settings.password_reset_expire_minutes,
    )


async def complete_password_reset(email: str, code: str, new_password: str) -> None:
    user = await User.find_one(User.email == email.strip().lower())
    reset = None
    if user is not None:
        reset = await PasswordReset.find_one(
            PasswordReset.user_id == user.id, PasswordReset.used == False  # noqa: E712
        )
    if reset is None or reset.expires_at < utcnow():
        raise PermissionDenied("The code is invalid or has expired")
    if reset.attempts >= settings.password_reset_max_attempts:
        raise PermissionDenied("Too many attempts. Request a new code.")

    reset.attempts += 1
    if not verify_password(code, reset.code_hash):
        await reset.save()
        raise PermissionDenied("The code is invalid or has expired")

    reset.used = True
    await reset.save()
    user.password_hash = hash_password(new_password)
    await logout_everywhere(user)
    logger.info("password reset completed for user %s", user.id)


async def change_password(user: User, current_password: str, new_password: str) -> None:
    if not verify_password(current_password, user.password_hash):
        raise PermissionDenied("Current password is incorrect")
    user.password_hash = hash_password(new_password)
    await logout_everywhere(user)
