"""Signed, time-limited tokens for e-mail confirmation and password reset."""
import logging

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..models import User
from ..tasks import enqueue
from ..tasks.jobs import send_email

log = logging.getLogger(__name__)


def _serializer(salt_key):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=current_app.config[salt_key])


def generate_confirmation_token(user):
    return _serializer("EMAIL_CONFIRM_SALT").dumps({"uid": str(user.id), "email": user.email})


def load_confirmation_token(token):
    try:
        data = _serializer("EMAIL_CONFIRM_SALT").loads(token, max_age=current_app.config["EMAIL_CONFIRM_MAX_AGE"])
    except (SignatureExpired, BadSignature):
        return None
    user = User.objects(id=data.get("uid")).first()
    if user is None or user.email != data.get("email"):
        return None
    return user


def generate_reset_token(user):
    # Binding the token to password_changed_at makes it single-use.
    stamp = int(user.password_changed_at.timestamp())
    return _serializer("PASSWORD_RESET_SALT").dumps({"uid": str(user.id), "pwc": stamp})


def load_reset_token(token):
    try:
        data = _serializer("PASSWORD_RESET_SALT").loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except (SignatureExpired, BadSignature):
        return None
    user = User.objects(id=data.get("uid"), active=True).first()
    if user is None or int(user.password_changed_at.timestamp()) != data.get("pwc"):
        return None
    return user


def send_confirmation_email(user):
    link = url_for("auth.confirm_email", token=generate_confirmation_token(user), _external=True)
    enqueue(
        send_email,
        user.email,
        "Confirm your Field Survey account",
        "account",
        {
            "name": user.full_name or user.email,
            "heading": "Confirm your e-mail address",
            "intro": "Follow the link below within 24 hours to activate your account.",
            "action_url": link,
            "action_label": "Confirm address",
        },
    )


def send_password_reset_email(user):
    reset_url = url_for("auth.reset_password", token=generate_reset_token(user), _external=True)
    log.info("password reset requested for %s, link %s", user.email, reset_url)
    enqueue(
        send_email,
        user.email,
        "Reset your Field Survey password",
        "account",
        {
            "name": user.full_name or user.email,
            "heading": "Password reset",
            "intro": "Someone asked to reset your password. The link is valid for 30 minutes.",
            "action_url": reset_url,
            "action_label": "Choose a new password",
        },
    )
