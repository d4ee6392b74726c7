import logging
from functools import wraps

import jwt
from flask import g, jsonify, request
from flask_security import current_user

from ..models import CheckinDevice, User
from ..services.mobile_tokens import decode_access_token, decode_device_token

log = logging.getLogger(__name__)


def _bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token:
        return token.strip()
    return None


def api_login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = _bearer_token()
        if token:
            try:
                claims = decode_access_token(token)
            except jwt.InvalidTokenError as exc:
                log.warning("rejected API token (%s): %s", exc, dict(request.headers))
                return jsonify(error="invalid_token"), 401
            user = User.query.filter_by(fs_uniquifier=claims["sub"], active=True).first()
            if user is None:
                return jsonify(error="invalid_token"), 401
            g.api_user = user
            return view(*args, **kwargs)
        # The calendar widget on the members' pages calls the API with the
        # browser session, so fall back to the logged-in user.
        if current_user.is_authenticated:
            g.api_user = current_user._get_current_object()
            return view(*args, **kwargs)
        return jsonify(error="authentication_required"), 401

    return wrapper


def device_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = _bearer_token()
        if not token:
            return jsonify(error="authentication_required"), 401
        try:
            claims = decode_device_token(token)
        except jwt.InvalidTokenError:
            return jsonify(error="invalid_token"), 401
        device = CheckinDevice.query.filter_by(id=int(claims["sub"].split(":", 1)[1]), active=True).first()
        if device is None:
            return jsonify(error="device_disabled"), 401
        g.device = device
        return view(*args, **kwargs)

    return wrapper
