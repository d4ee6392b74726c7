"""Synchroniser-token CSRF protection backed by the Beaker session.

Forms render ``csrf_field()``; the storefront JavaScript reads the token from
``<meta name="csrf-token">`` and sends it as ``X-CSRF-Token``.
"""
import functools
import hmac
import secrets

from bottle import abort, request
from markupsafe import Markup

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
SESSION_KEY = "_csrf_token"
FORM_FIELD = "_csrf"
HEADER = "X-CSRF-Token"


def get_token():
    session = request.environ["beaker.session"]
    token = session.get(SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
        session.save()
    return token


def csrf_field():
    return Markup('<input type="hidden" name="%s" value="%s">') % (FORM_FIELD, get_token())


def csrf_exempt(callback):
    """Mark a route callback as not needing a CSRF token (e.g. signed webhooks)."""
    callback.csrf_exempt = True
    return callback


def _is_exempt(route):
    if route.config.get("csrf_exempt"):
        return True
    return getattr(route.get_undecorated_callback(), "csrf_exempt", False)


class CSRFPlugin:
    name = "csrf"
    api = 2

    def apply(self, callback, route):
        if _is_exempt(route):
            return callback

        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            if request.method not in SAFE_METHODS:
                expected = request.environ["beaker.session"].get(SESSION_KEY)
                supplied = request.forms.get(FORM_FIELD) or request.get_header(HEADER)
                if not expected or not supplied or not hmac.compare_digest(expected, supplied):
                    abort(403, "The form has expired. Please go back, reload the page and try again.")
            return callback(*args, **kwargs)

        return wrapper
