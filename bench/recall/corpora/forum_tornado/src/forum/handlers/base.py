"""Base handler shared by the HTML pages."""
import functools
import logging
import uuid

import tornado.web
from tornado.options import options

from forum.models import users

log = logging.getLogger("forum.web")

SESSION_COOKIE = "forum_session"


class BaseHandler(tornado.web.RequestHandler):
    @property
    def db(self):
        return self.application.db

    async def prepare(self):
        self.request_id = self.request.headers.get("X-Request-Id") or uuid.uuid4().hex[:12]
        user_id = self.get_secure_cookie(SESSION_COOKIE, max_age_days=options.session_days)
        user = None
        if user_id:
            user = await users.get_by_id(self.db, int(user_id))
            if user is not None and users.is_banned(user):
                self.clear_cookie(SESSION_COOKIE)
                user = None
        self.current_user = user

    def get_current_user(self):
        # populated in prepare(); tornado calls this lazily otherwise
        return None

    def set_default_headers(self):
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Referrer-Policy", "same-origin")
        if options.env == "production":
            self.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")

    def start_session(self, user, remember=False):
        self.set_secure_cookie(
            SESSION_COOKIE,
            str(user["id"]),
            expires_days=options.session_days if remember else None,
            httponly=True,
            secure=options.env != "development",
            samesite="Lax",
        )

    def end_session(self):
        self.clear_cookie(SESSION_COOKIE)

    def get_template_namespace(self):
        namespace = super().get_template_namespace()
        namespace.update(site_url=options.site_url, flash=self.pop_flash())
        return namespace

    def flash(self, message, level="info"):
        self.set_secure_cookie("flash", f"{level}|{message}", expires_days=None, httponly=True, samesite="Lax")

    def pop_flash(self):
        raw = self.get_secure_cookie("flash", max_age_days=1)
        if not raw:
            return None
        self.clear_cookie("flash")
        level, _, message = raw.decode().partition("|")
        return {"level": level, "message": message}

    def page_arg(self):
        try:
            return max(1, int(self.get_argument("page", "1")))
        except ValueError:
            return 1

    def is_moderator(self):
        return self.current_user is not None and self.current_user["role"] in ("moderator", "admin")

    def write_error(self, status_code, **kwargs):
        request_id = getattr(self, "request_id", None)
        if "exc_info" in kwargs and status_code >= 500:
            log.error("unhandled error request_id=%s path=%s", request_id, self.request.path, exc_info=kwargs["exc_info"])
        self.render("error.html", status_code=status_code, reason=self._reason, request_id=request_id)


def moderator_required(method):
    @functools.wraps(method)
    @tornado.web.authenticated
    async def wrapper(self, *args, **kwargs):
        if not self.is_moderator():
            raise tornado.web.HTTPError(403)
        return await method(self, *args, **kwargs)

    return wrapper
