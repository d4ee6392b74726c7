"""Signed, time-limited tokens for invitations and password resets."""
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer


def _serializer(salt_key):
    return URLSafeTimedSerializer(
        current_app.config["SECRET_KEY"], salt=current_app.config[salt_key]
    )


def make_invite_token(email, clinic_id, role):
    return _serializer("INVITE_TOKEN_SALT").dumps(
        {"email": email, "clinic_id": clinic_id, "role": role}
    )


def load_invite_token(token):
    try:
        return _serializer("INVITE_TOKEN_SALT").loads(
            token, max_age=current_app.config["INVITE_MAX_AGE"]
        )
    except (BadSignature, SignatureExpired):
        return None


def make_reset_token(user):
    # Including the current hash makes the token single-use: it stops
    # verifying as soon as the password changes.
    return _serializer("RESET_TOKEN_SALT").dumps(
        {"uid": user["id"], "ph": user["password_hash"][-12:]}
    )


def load_reset_token(token):
    try:
        return _serializer("RESET_TOKEN_SALT").loads(
            token, max_age=current_app.config["RESET_MAX_AGE"]
        )
    except (BadSignature, SignatureExpired):
        return None
