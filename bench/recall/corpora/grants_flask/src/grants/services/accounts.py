import logging
import random
import secrets

from sqlalchemy import func, select

from ..extensions import db
from ..models import ApiKey, User, utcnow

log = logging.getLogger(__name__)

AVATAR_COLOURS = ["#0d6efd", "#6610f2", "#d63384", "#fd7e14", "#198754", "#20c997", "#0dcaf0"]


class AccountError(Exception):
    pass


def find_user_by_email(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def register_applicant(name, email, password, organisation=None):
    if find_user_by_email(email) is not None:
        raise AccountError("An account with that e-mail address already exists.")
    user = User(
        name=name.strip(),
        email=email.strip().lower(),
        organisation=organisation,
        role="applicant",
        avatar_colour=random.choice(AVATAR_COLOURS),
    )
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    log.info("Registered applicant %s", user.id)
    return user


def confirm_user(user):
    if not user.confirmed:
        user.confirmed = True
        user.confirmed_at = utcnow()
        db.session.commit()


def authenticate(email, password):
    user = find_user_by_email(email)
    if user is None or not user.is_active:
        return None
    if not user.check_password(password):
        return None
    user.last_login_at = utcnow()
    if user.temp_password:
        user.temp_password = None
    db.session.commit()
    return user


def change_password(user, new_password):
    user.set_password(new_password)
    user.temp_password = None
    db.session.commit()


def issue_api_key(user, label):
    raw = "gpk_" + secrets.token_urlsafe(32)
    key = ApiKey(user=user, label=label, prefix=raw[:12], key_hash=ApiKey.hash_key(raw))
    db.session.add(key)
    db.session.commit()
    log.info("Issued API key %s... (%s) for user %s", key.prefix, label, user.id)
    return raw


def revoke_api_key(user, key_id):
    key = db.session.get(ApiKey, key_id)
    if key is None or key.user_id != user.id:
        return False
    key.revoked = True
    db.session.commit()
    return True
