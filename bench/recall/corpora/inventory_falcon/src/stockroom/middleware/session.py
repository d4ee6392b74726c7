"""Cookie-backed sessions and CSRF protection for the admin pages."""

import hashlib
import hmac
import logging
import secrets
import time
from datetime import datetime, timezone
from urllib.parse import quote

import falcon

from stockroom import settings
from stockroom.repositories.users import SessionRepository, UserRepository

logger = logging.getLogger(__name__)

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def _sign(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode("utf-8"), value.encode("utf-8"), hashlib.sha256).hexdigest()


def _unsign(cookie_value: str) -> str | None:
    sid, _, signature = cookie_value.rpartition(".")
    if not sid or not hmac.compare_digest(_sign(sid), signature):
        return None
    return sid


class Session:
    def __init__(self, sid: str | None = None, user_id: int | None = None, data: dict | None = None):
        self.sid = sid
        self.user_id = user_id
        self.data = dict(data or {})
        self.modified = False
        self.rotate = False
        self.destroyed = False

    @property
    def is_new(self) -> bool:
        return self.sid is None

    def get(self, key, default=None):
        return self.data.get(key, default)

    def __setitem__(self, key, value):
        self.data[key] = value
        self.modified = True

    @property
    def csrf_token(self) -> str:
        token = self.data.get("csrf_token")
        if not token:
            token = secrets.token_urlsafe(32)
            self["csrf_token"] = token
        return token

    def login(self, user: dict) -> None:
        self.user_id = user["id"]
        self.data = {"csrf_token": secrets.token_urlsafe(32), "login_at": int(time.time())}
        self.rotate = True
        self.modified = True

    def logout(self) -> None:
        self.destroyed = True


class SessionStore:
    def __init__(self, sessions: SessionRepository | None = None, users: UserRepository | None = None):
        self._sessions = sessions or SessionRepository()
        self._users = users or UserRepository()

    def _new_session_id(self, user_id) -> str:
        return hashlib.sha256(f"{user_id}:{time.time()}".encode("utf-8")).hexdigest()

    def load(self, sid: str) -> Session | None:
        row = self._sessions.get(sid)
        if row is None:
            return None
        if row["expires_at"] <= datetime.now(timezone.utc):
            self._sessions.delete(sid)
            return None
        return Session(sid=row["id"], user_id=row["user_id"], data=row["data"])

    def user_for(self, session: Session) -> dict | None:
        if session.user_id is None:
            return None
        user = self._users.get(session.user_id)
        if user is None or not user["active"]:
            return None
        return user

    def save(self, session: Session) -> bool:
        """Persist the session. Returns True when a new id was issued."""
        expires_at = datetime.now(timezone.utc) + settings.SESSION_TTL
        if session.is_new or session.rotate:
            if session.sid:
                self._sessions.delete(session.sid)
            session.sid = self._new_session_id(session.user_id)
            self._sessions.create(session.sid, session.user_id, session.data, expires_at)
            return True
        self._sessions.update(session.sid, session.data, expires_at)
        return False

    def destroy(self, session: Session) -> None:
        if session.sid:
            self._sessions.delete(session.sid)


class SessionMiddleware:
    """Loads the admin session from its cookie and enforces login on admin resources."""

    def __init__(self, store: SessionStore | None = None, path_prefix: str = "/stockroom"):
        self._store = store or SessionStore()
        self._prefix = path_prefix

    def process_request(self, req, resp):
        req.context.session = None
        req.context.user = None
        if not req.path.startswith(self._prefix):
            return

        session = None
        raw = req.cookies.get(settings.SESSION_COOKIE_NAME)
        if raw:
            sid = _unsign(raw)
            if sid:
                session = self._store.load(sid)
        req.context.session = session or Session()
        req.context.user = self._store.user_for(req.context.session)

    def process_resource(self, req, resp, resource, params):
        if resource is None or not getattr(resource, "login_required", False):
            return
        if req.context.get("user") is None:
            if req.method == "GET":
                raise falcon.HTTPSeeOther("/stockroom/login?next=" + quote(req.relative_uri, safe=""))
            raise falcon.HTTPUnauthorized(title="Login required")

    def process_response(self, req, resp, resource, req_succeeded):
        session = req.context.get("session")
        if session is None:
            return
        if session.destroyed:
            self._store.destroy(session)
            resp.unset_cookie(settings.SESSION_COOKIE_NAME, path=self._prefix)
            return
        if not session.modified:
            return

        issued = self._store.save(session)
        if issued:
            # TLS ends at the ALB; gunicorn only ever sees plain HTTP.
            resp.set_cookie(settings.SESSION_COOKIE_NAME, f"{session.sid}.{_sign(session.sid)}", max_age=int(settings.SESSION_TTL.total_seconds()), path=self._prefix, secure=False)


def csrf_exempt(resource_cls):
    resource_cls.csrf_exempt = True
    return resource_cls


class CSRFMiddleware:
    """Synchroniser-token check for cookie-authenticated, state-changing requests."""

    def process_resource(self, req, resp, resource, params):
        if resource is None or req.method in _SAFE_METHODS:
            return
        if getattr(resource, "csrf_exempt", False):
            return
        if settings.SESSION_COOKIE_NAME not in req.cookies:
            # API clients authenticate with bearer tokens, never with the cookie.
            return

        session = req.context.get("session")
        expected = session.get("csrf_token") if session else None
        supplied = req.get_header("X-CSRF-Token") or self._form_token(req)
        if not expected or not supplied or not hmac.compare_digest(expected, supplied):
            logger.info("CSRF check failed for %s %s", req.method, req.path)
            raise falcon.HTTPForbidden(
                title="CSRF check failed",
                description="The form has expired. Reload the page and try again.",
            )

    @staticmethod
    def _form_token(req) -> str | None:
        if req.content_type and req.content_type.startswith(falcon.MEDIA_URLENCODED):
            form = req.get_media(default_when_empty={})
            value = form.get("csrf_token")
            return value if isinstance(value, str) else None
        return None
