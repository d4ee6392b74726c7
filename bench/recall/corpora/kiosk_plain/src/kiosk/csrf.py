"""Double-submit CSRF protection for the HTML pages.

A random token is kept in a cookie that page scripts can read; every unsafe
request made with a browser session must echo it back in the ``csrf_token``
form field or the ``X-CSRF-Token`` header.
"""
import functools
import hmac
import secrets

from bottle import HTTPError, request, response

from kiosk import config

UNSAFE_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))


def csrf_token():
    token = request.environ.get("kiosk.csrf")
    if token:
        return token
    token = request.get_cookie(config.CSRF_COOKIE)
    if not token:
        token = secrets.token_urlsafe(32)
        # readable by JS on purpose: kiosk.js sends it as X-CSRF-Token
        response.set_cookie(config.CSRF_COOKIE, token, path="/", secure=True, samesite="lax")
    request.environ["kiosk.csrf"] = token
    return token


def _submitted_token():
    return request.get_header("X-CSRF-Token") or request.forms.get("csrf_token") or ""


def check():
    expected = request.get_cookie(config.CSRF_COOKIE) or ""
    submitted = _submitted_token()
    if not expected or not hmac.compare_digest(expected, submitted):
        raise HTTPError(403, "CSRF token missing or invalid.")


def csrf_exempt(callback):
    callback.csrf_exempt = True
    return callback


class CsrfPlugin:
    """Bottle plugin enforcing :func:`check` on unsafe methods."""

    name = "csrf"
    api = 2

    def apply(self, callback, route):
        if getattr(route.callback, "csrf_exempt", False):
            return callback

        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            if request.method in UNSAFE_METHODS:
                check()
            return callback(*args, **kwargs)

        return wrapper
