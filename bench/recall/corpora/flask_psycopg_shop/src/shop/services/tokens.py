"""Signed, time-limited tokens for e-mail links (itsdangerous)."""
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

# Salts namespace the tokens so one kind can't be replayed as another.
CONFIRM_SALT = "email-confirm"
RESET_SALT = "password-reset"
INVOICE_SALT = "invoice-download"


class InvalidToken(Exception):
    pass


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"])


def _load(token, salt, max_age):
    try:
        return _serializer().loads(token, salt=salt, max_age=max_age)
    except SignatureExpired as exc:
        raise InvalidToken("expired") from exc
    except BadSignature as exc:
        raise InvalidToken("bad signature") from exc


def make_confirm_token(email):
    return _serializer().dumps(email, salt=CONFIRM_SALT)


def load_confirm_token(token):
    return _load(token, CONFIRM_SALT, current_app.config["CONFIRM_TOKEN_MAX_AGE"])


def make_reset_token(user):
    # The security stamp changes on every password change, which invalidates
    # outstanding reset links.
    return _serializer().dumps({"uid": user["id"], "stamp": str(user["security_stamp"])}, salt=RESET_SALT)


def load_reset_token(token):
    return _load(token, RESET_SALT, current_app.config["RESET_TOKEN_MAX_AGE"])


def make_invoice_token(order_number):
    return _serializer().dumps(order_number, salt=INVOICE_SALT)


def load_invoice_token(token):
    return _load(token, INVOICE_SALT, 60 * 60 * 24 * 30)
