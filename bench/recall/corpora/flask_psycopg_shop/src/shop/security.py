"""Session handling and access-control decorators."""
import functools
import hashlib

from flask import abort, g, jsonify, redirect, request, session, url_for

from .repositories import ApiKeyRepository, UserRepository
from .services import api_tokens

REMEMBER_COOKIE = "cs_remember"


def login_user(user):
    session.clear()
    session["user_id"] = user["id"]
    session.permanent = True
    g.user = user


def logout_user():
    session.clear()
    g.user = None


def load_current_user():
    g.user = None
    g.api_client = None
    users = UserRepository()
    user_id = session.get("user_id")
    if user_id is not None:
        g.user = users.get(user_id)
        return
    remember = request.cookies.get(REMEMBER_COOKIE)
    if remember:
        user = users.get_by_remember_token(remember)
        if user is not None:
            login_user(user)


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped


def staff_required(view):
    @functools.wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not g.user["is_staff"]:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def api_key_digest(raw_key):
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def _api_error(message, status=401):
    response = jsonify(error=message)
    response.status_code = status
    response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def bearer_required(view):
    """Mobile app endpoints: ``Authorization: Bearer <access token>``."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return _api_error("missing bearer token")
        try:
            claims = api_tokens.decode_access_token(token)
        except api_tokens.TokenError:
            return _api_error("invalid or expired token")
        g.api_user = UserRepository().get(int(claims["sub"]))
        if g.api_user is None or not g.api_user["is_active"]:
            return _api_error("unknown user")
        return view(*args, **kwargs)

    return wrapped


def api_key_required(view):
    """Warehouse integration endpoints: ``X-Api-Key`` header."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        raw_key = request.headers.get("X-Api-Key", "")
        record = ApiKeyRepository().get_by_digest(api_key_digest(raw_key)) if raw_key else None
        if record is None:
            return _api_error("invalid api key")
        g.api_client = record
        return view(*args, **kwargs)

    return wrapped
