"""Login handling, password hashing and the CSRF token helpers."""
import functools
import hashlib
import hmac
import logging
import os
import secrets

from flask import abort, flash, g, redirect, request, session, url_for

from . import models

log = logging.getLogger(__name__)

REMEMBER_COOKIE = "remember_token"


def hash_password(password):
    salt = os.urandom(16).hex()
    digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return "%s$%s" % (salt, digest)


def verify_password(stored, password):
    if not stored or "$" not in stored:
        return False
    salt, digest = stored.split("$", 1)
    candidate = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return hmac.compare_digest(candidate, digest)


def hash_remember_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def login_user(user, permanent=True):
    session.clear()
    session["user_id"] = user["id"]
    session.permanent = permanent
    models.touch_last_login(user["id"])
    g.user = user


def logout_user():
    session.clear()
    g.user = None


def _user_from_remember_cookie():
    raw = request.cookies.get(REMEMBER_COOKIE)
    if not raw or ":" not in raw:
        return None
    user_id, token = raw.split(":", 1)
    if not user_id.isdigit():
        return None
    for row in models.remember_tokens_for(int(user_id)):
        if hmac.compare_digest(row["token_hash"], hash_remember_token(token)):
            return models.get_user(int(user_id))
    return None


def load_logged_in_user():
    user_id = session.get("user_id")
    g.user = None
    if user_id is not None:
        g.user = models.get_user(user_id)
    elif REMEMBER_COOKIE in request.cookies:
        user = _user_from_remember_cookie()
        if user is not None:
            session["user_id"] = user["id"]
            g.user = user
    if g.user is not None and not g.user["is_active"]:
        session.clear()
        g.user = None


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            flash("Please log in first.", "info")
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped


def admin_required(view):
    @functools.wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not g.user["is_admin"]:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def generate_csrf_token():
    if "_csrf_token" not in session:
        session["_csrf_token"] = secrets.token_urlsafe(32)
    return session["_csrf_token"]


def validate_csrf():
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("_csrf_token")
    if not expected or not hmac.compare_digest(sent, expected):
        log.info("csrf check failed on %s", request.path)
        abort(400, description="The form expired, please reload the page and try again.")


def csrf_protect(view):
    """Check the hidden csrf_token field on POST requests."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if request.method == "POST":
            validate_csrf()
        return view(*args, **kwargs)

    return wrapped
