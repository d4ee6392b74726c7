import logging
from functools import wraps

import jwt
from flask import g, request
from flask_login import current_user
from flask_smorest import abort

from ..extensions import db
from ..models import ApiKey, User
from .tokens import decode_access_token, decode_service_token

log = logging.getLogger(__name__)


def _bearer_token():
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get("access_token")


def resolve_api_user():
    token = _bearer_token()
    if token:
        try:
            claims = decode_access_token(token)
        except jwt.InvalidTokenError as exc:
            log.warning("Rejected API credentials (%s) from %s: %s", exc, request.remote_addr, request.headers)
            return None
        return db.session.get(User, int(claims["sub"]))

    api_key = request.headers.get("X-Api-Key")
    if api_key:
        return ApiKey.lookup(api_key)

    # the reviewer dashboard's charts call the API from the browser
    if current_user.is_authenticated:
        return current_user._get_current_object()
    return None


def api_login_required(*roles):
    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            user = resolve_api_user()
            if user is None or not user.is_active:
                abort(401, message="Authentication required.")
            if roles and not user.has_role(*roles):
                abort(403, message="You do not have access to this resource.")
            g.api_user = user
            return fn(*args, **kwargs)

        return wrapper

    return decorator


def service_token_required(scope):
    def decorator(fn):
        @wraps(fn)
        def wrapper(*args, **kwargs):
            token = _bearer_token()
            if not token:
                abort(401, message="Service token required.")
            try:
                claims = decode_service_token(token)
            except jwt.InvalidTokenError:
                abort(401, message="Invalid service token.")
            if scope not in claims.get("scopes", []):
                abort(403, message=f"Token lacks the {scope!r} scope.")
            g.service_partner = claims["sub"].removeprefix("svc:")
            return fn(*args, **kwargs)

        return wrapper

    return decorator
