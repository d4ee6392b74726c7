import logging
from functools import wraps

import jwt
from flask import g, jsonify, request

from ..services.apikeys import authenticate_api_key
from .tokens import decode_access_token

log = logging.getLogger("marketplace.api")


def _unauthorized(message="authentication required"):
    resp = jsonify(error="unauthorized", message=message)
    resp.status_code = 401
    resp.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return resp


def token_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return _unauthorized()
        try:
            user, claims = decode_access_token(token)
        except jwt.ExpiredSignatureError:
            return _unauthorized("token expired")
        except jwt.InvalidTokenError as exc:
            log.warning("rejected token on %s: %s headers=%s", request.path, exc, dict(request.headers))
            return _unauthorized("invalid token")
        g.api_user = user
        g.token_claims = claims
        return view(*args, **kwargs)

    return wrapped


def api_key_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        user = authenticate_api_key(request.headers.get("X-Api-Key", ""))
        if user is None or user.is_banned:
            return _unauthorized("invalid api key")
        g.api_user = user
        return view(*args, **kwargs)

    return wrapped
