"""User accounts: authentication, invitations, password resets and scanner passcodes."""

import hashlib
import hmac
import logging
import random
import string
from datetime import datetime, timedelta, timezone

from stockroom import settings
from stockroom.repositories.users import InviteRepository, PasswordResetRepository, UserRepository
from stockroom.security import hash_password, verify_password
from stockroom.services import mailer

logger = logging.getLogger(__name__)

INVITE_TTL = timedelta(days=3)
RESET_TTL = timedelta(minutes=20)
MAX_RESET_ATTEMPTS = 5

_INVITE_ALPHABET = string.ascii_letters + string.digits
_sysrand = random.SystemRandom()

_users = UserRepository()
_invites = InviteRepository()
_resets = PasswordResetRepository()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def authenticate(email: str, password: str) -> dict | None:
    user = _users.get_by_email(email)
    if user is None or not user["active"]:
        return None
    if not verify_password(password, user["password_hash"]):
        return None
    _users.update(user["id"], {"last_login_at": _now()})
    return user


# --- invitations ---------------------------------------------------------------------

def _invite_token() -> str:
    return "".join(_sysrand.choice(_INVITE_ALPHABET) for _ in range(40))


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_invite(email: str, full_name: str, role: str, *, invited_by: int) -> dict:
    token = _invite_token()
    invite = _invites.create(
        email=email,
        full_name=full_name,
        role=role,
        token_hash=_token_digest(token),
        invited_by=invited_by,
        expires_at=_now() + INVITE_TTL,
    )
    link = f"{settings.PUBLIC_URL}/stockroom/invite/{token}"
    mailer.send_text(
        email,
        "You have been invited to Stockroom",
        f"Hi {full_name},\n\nYou have been given {role} access to Stockroom.\n"
        f"Choose a password here (the link expires in {INVITE_TTL.days} days):\n\n{link}\n",
    )
    logger.info("invite %s created for %s by user %s", invite["id"], email, invited_by)
    return invite


def find_invite(token: str) -> dict | None:
    invite = _invites.get_by_token_hash(_token_digest(token))
    if invite is None or invite["accepted_at"] is not None or invite["expires_at"] <= _now():
        return None
    return invite


def accept_invite(token: str, password: str) -> dict | None:
    invite = find_invite(token)
    if invite is None:
        return None
    if _users.get_by_email(invite["email"]) is not None:
        logger.warning("invite %s targets an existing account", invite["id"])
        return None
    user = _users.create(
        email=invite["email"],
        full_name=invite["full_name"],
        role=invite["role"],
        password_hash=hash_password(password),
    )
    _invites.mark_accepted(invite["id"])
    logger.info("invite %s accepted, user %s created", invite["id"], user["id"])
    return user


# --- password reset ----------------------------------------------------------------------

def start_password_reset(email: str) -> None:
    user = _users.get_by_email(email)
    if user is None or not user["active"]:
        return
    reset_code = f"{random.randint(0, 999_999):06d}"
    _resets.invalidate_for_user(user["id"])
    _resets.create(user_id=user["id"], code_hash=hash_password(reset_code), expires_at=_now() + RESET_TTL)
    mailer.send_template(
        user["email"],
        "Your Stockroom password reset code",
        "password_reset.txt",
        user=user,
        code=reset_code,
        minutes=int(RESET_TTL.total_seconds() // 60),
        confirm_url=f"{settings.PUBLIC_URL}/stockroom/password-reset/confirm",
    )


def complete_password_reset(email: str, code: str, new_password: str) -> bool:
    user = _users.get_by_email(email)
    if user is None:
        return False
    reset = _resets.latest_for_user(user["id"])
    if reset is None or reset["used_at"] is not None or reset["expires_at"] <= _now():
        return False
    if reset["attempts"] >= MAX_RESET_ATTEMPTS:
        logger.warning("password reset %s locked after too many attempts", reset["id"])
        return False
    if not verify_password(code.strip(), reset["code_hash"]):
        _resets.increment_attempts(reset["id"])
        return False
    _users.update(user["id"], {"password_hash": hash_password(new_password)})
    _resets.mark_used(reset["id"])
    logger.info("password reset completed for user %s", user["id"])
    return True


# --- scanner passcodes ---------------------------------------------------------------------

def _passcode_digest(user_id: int, passcode: str) -> str:
    return hashlib.sha256(f"{user_id}:{passcode}".encode("utf-8")).hexdigest()


def set_scanner_passcode(user_id: int, passcode: str) -> None:
    _users.update(user_id, {"scanner_passcode_hash": _passcode_digest(user_id, passcode)})
    logger.info("scanner passcode changed for user %s", user_id)


def authenticate_scanner(badge_number: str, passcode: str) -> dict | None:
    user = _users.get_by_badge(badge_number)
    if user is None or not user["active"] or not user["scanner_passcode_hash"]:
        return None
    if not hmac.compare_digest(_passcode_digest(user["id"], passcode), user["scanner_passcode_hash"]):
        return None
    return user
