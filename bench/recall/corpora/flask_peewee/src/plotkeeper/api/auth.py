import functools
import logging

import jwt
from flask import current_app, g, jsonify, request

from ..models import User

log = logging.getLogger("plotkeeper.api")

TOKEN_HEADER = "Authorization"
KIOSK_KEY_HEADER = "X-Kiosk-Key"


def _bearer_token():
    header = request.headers.get(TOKEN_HEADER, "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return token.strip()


def token_required(view):
    from .jwt_tokens import decode_access_token

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = _bearer_token()
        if token is None:
            return jsonify(error="authentication required"), 401
        try:
            claims = decode_access_token(token)
        except jwt.PyJWTError as exc:
            log.warning("rejected API token %s: %s", token, exc)
            return jsonify(error="invalid or expired token"), 401
        user = User.get_or_none(User.id == int(claims["sub"]))
        if user is None or not user.is_active:
            return jsonify(error="invalid or expired token"), 401
        g.api_user = user
        return view(*args, **kwargs)

    return wrapper


def kiosk_key_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        expected = current_app.config.get("KIOSK_API_KEY")
        supplied = request.headers.get(KIOSK_KEY_HEADER)
        if not expected or supplied != expected:
            return jsonify(error="forbidden"), 403
        return view(*args, **kwargs)

    return wrapper
