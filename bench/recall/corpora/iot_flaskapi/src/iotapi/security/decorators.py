"""View decorators for bearer-token authentication."""
from functools import wraps

import jwt
from flask import abort, g, request

from .tokens import decode_token


def _bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value:
        return None
    return value.strip()


def _require(expected_type):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            token = _bearer_token()
            if token is None:
                abort(401, "missing bearer token")
            try:
                claims = decode_token(token, expected_type)
            except jwt.PyJWTError:
                abort(401, "invalid or expired token")
            g.claims = claims
            if expected_type == "device":
                g.device_id = claims["sub"]
            else:
                g.user_id = int(claims["sub"])
                g.role = claims.get("role", "owner")
            return view(*args, **kwargs)
        return wrapper
    return decorator


jwt_required = _require("access")
device_required = _require("device")


def admin_required(view):
    @jwt_required
    @wraps(view)
    def wrapper(*args, **kwargs):
        if g.role != "admin":
            abort(403)
        return view(*args, **kwargs)
    return wrapper
