from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_SALT = "email-confirm"
RESET_SALT = "password-reset"


def _serializer(salt):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def generate_confirmation_token(email):
    return _serializer(CONFIRM_SALT).dumps(email)


def confirm_token(token):
    try:
        return _serializer(CONFIRM_SALT).loads(token, max_age=current_app.config["CONFIRM_TOKEN_MAX_AGE"])
    except (SignatureExpired, BadSignature):
        return None


def generate_reset_token(user):
    return _serializer(RESET_SALT).dumps({"uid": user.id})


def load_reset_token(token):
    try:
        data = _serializer(RESET_SALT).loads(token, max_age=current_app.config["RESET_TOKEN_MAX_AGE"])
    except (SignatureExpired, BadSignature):
        return None
    return data
