"""Signed cookie sessions and the CSRF token kept inside them."""
import hmac
import secrets

from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.exceptions import Forbidden

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
CSRF_SESSION_KEY = "_csrf"


class Session(dict):
    """A dict that remembers whether it was changed during the request."""

    def __init__(self, initial=None, new=False):
        super().__init__(initial or {})
        self.new = new
        self.modified = False

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.modified = True

    def __delitem__(self, key):
        super().__delitem__(key)
        self.modified = True

    def pop(self, key, *default):
        self.modified = True
        return super().pop(key, *default)

    def clear(self):
        super().clear()
        self.modified = True


class CookieSessionStore:
    """Signed, client-side sessions (itsdangerous), similar to Flask's default."""

    salt = "docsign.session"

    def __init__(self, config):
        self.serializer = URLSafeTimedSerializer(config.SECRET_KEY, salt=self.salt)
        self.cookie_name = config.SESSION_COOKIE_NAME
        self.secure = config.SESSION_COOKIE_SECURE
        self.max_age = config.SESSION_LIFETIME

    def open(self, request):
        raw = request.cookies.get(self.cookie_name)
        if not raw:
            return Session(new=True)
        try:
            data = self.serializer.loads(raw, max_age=self.max_age)
        except BadSignature:
            return Session(new=True)
        return Session(data)

    def save(self, session, response):
        if not session.modified:
            return
        if not session:
            response.delete_cookie(self.cookie_name)
            return
        response.set_cookie(
            self.cookie_name,
            self.serializer.dumps(dict(session)),
            max_age=self.max_age,
            secure=self.secure,
            httponly=True,
            samesite="Lax",
        )


def get_csrf_token(session):
    token = session.get(CSRF_SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_SESSION_KEY] = token
    return token


def validate_csrf(request, field_name, header_name):
    expected = request.session.get(CSRF_SESSION_KEY)
    supplied = request.form.get(field_name) or request.headers.get(header_name)
    if not expected or not supplied or not hmac.compare_digest(expected, supplied):
        raise Forbidden("The form has expired, reload the page and try again.")


def csrf_exempt(view):
    """Skip the dispatcher's CSRF check for this handler method."""
    view.csrf_exempt = True
    return view


def is_csrf_exempt(view):
    return getattr(view, "csrf_exempt", False)
