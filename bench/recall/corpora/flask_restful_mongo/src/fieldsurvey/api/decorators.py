from functools import wraps

from flask import current_app, g, request
from flask_login import current_user
from flask_restful import abort

from ..models import User
from ..services.devices import authenticate_device
from .tokens import TokenError, decode_token


def _bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token:
        return token.strip()
    return None


def api_auth_required(fn):
    """Accept a bearer access token, a device API key, or the web session.

    The dashboard's map and charts call the API with the browser session, so
    a signed-in web user is accepted as well.
    """

    @wraps(fn)
    def wrapper(*args, **kwargs):
        g.api_user = None
        g.api_device = None

        token = _bearer_token()
        api_key = request.headers.get(current_app.config["API_KEY_HEADER"])
        if token:
            try:
                claims = decode_token(token, expected_type="access")
            except TokenError:
                abort(401, message="invalid or expired token")
            g.api_user = User.objects(id=claims["sub"], active=True).first()
            if g.api_user is None:
                abort(401, message="unknown user")
        elif api_key:
            g.api_device = authenticate_device(api_key)
            if g.api_device is None:
                abort(401, message="invalid API key")
        elif current_user.is_authenticated:
            g.api_user = current_user._get_current_object()
        else:
            abort(401, message="authentication required")
        return fn(*args, **kwargs)

    return wrapper


def coordinator_required(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        user = g.get("api_user")
        if user is None or not user.is_coordinator:
            abort(403, message="coordinator role required")
        return fn(*args, **kwargs)

    return wrapper
