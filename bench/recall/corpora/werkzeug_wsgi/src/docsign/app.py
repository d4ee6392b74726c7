import logging
import logging.config
import os
import traceback

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.middleware.shared_data import SharedDataMiddleware
from werkzeug.wrappers import Request as BaseRequest

from docsign.db import Database
from docsign.middleware import CORSMiddleware, SecurityHeadersMiddleware
from docsign.ratelimit import RateLimiter
from docsign.routes import build_url_map
from docsign.services.auth import RememberMeService
from docsign.sessions import SAFE_METHODS, CookieSessionStore, is_csrf_exempt, validate_csrf
from docsign.templating import STATIC_DIR, TemplateRenderer
from docsign.utils import json_response
from docsign.views import HANDLERS

log = logging.getLogger(__name__)


def configure_logging(config):
    level = os.environ.get("DOCSIGN_LOG_LEVEL", "DEBUG" if config.DEBUG else "INFO")
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"default": {"format": "%(asctime)s %(levelname)s [%(name)s] %(message)s"}},
            "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default"}},
            "root": {"level": level, "handlers": ["console"]},
        }
    )


def wants_json(request):
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def handle_http_exception(request, exc, templates):
    if wants_json(request):
        return json_response({"error": exc.name, "description": exc.description}, exc.code)
    if exc.code in (404, 403, 429):
        return templates.render(
            "message.html", request, status=exc.code, title=exc.name,
            message=exc.description,
        )
    return exc.get_response(request.environ)


def handle_unexpected(request, exc, templates):
    if isinstance(exc, HTTPException):
        return handle_http_exception(request, exc, templates)
    log.exception("unhandled error on %s %s", request.method, request.path)
    if wants_json(request):
        return json_response(
            {"error": "internal_error", "detail": str(exc), "trace": traceback.format_exc().splitlines()},
            500,
        )
    return templates.render(
        "message.html", request, status=500, title="Something went wrong",
        message="The error has been logged. Please try again in a moment.",
    )


class Request(BaseRequest):
    max_content_length = 25 * 1024 * 1024
    max_form_memory_size = 2 * 1024 * 1024

    session = None
    user = None


class DocSignApp:
    def __init__(self, config):
        configure_logging(config)
        self.config = config
        self.db = Database(config.DATABASE_URL)
        self.url_map = build_url_map()
        self.templates = TemplateRenderer(config)
        self.sessions = CookieSessionStore(config)
        self.remember = RememberMeService(config)
        self.limiter = RateLimiter()
        self.handlers = {name: cls(self) for name, cls in HANDLERS.items()}

        wsgi = SecurityHeadersMiddleware(self.wsgi_app, hsts_seconds=config.HSTS_SECONDS)
        wsgi = CORSMiddleware(wsgi)
        self.wsgi_app = SharedDataMiddleware(wsgi, {"/static": str(STATIC_DIR)})

    def load_user(self, request):
        users = self.handlers["auth"].users
        user_id = request.session.get("user_id")
        if user_id is None:
            token = request.cookies.get(self.config.REMEMBER_COOKIE_NAME)
            user_id = self.remember.load(token) if token else None
            if user_id is not None:
                request.session["user_id"] = user_id
        return users.get(user_id) if user_id is not None else None

    def dispatch_request(self, request):
        adapter = self.url_map.bind_to_environ(request.environ)
        try:
            endpoint, values = adapter.match()
            handler_name, method_name = endpoint.split(".", 1)
            view = getattr(self.handlers[handler_name], method_name, None)
            if view is None:
                raise NotFound()
            if request.method not in SAFE_METHODS and not is_csrf_exempt(view):
                validate_csrf(request, self.config.CSRF_FIELD_NAME, self.config.CSRF_HEADER_NAME)
            return view(request, **values)
        except HTTPException as exc:
            return handle_http_exception(request, exc, self.templates)
        except Exception as exc:
            return handle_unexpected(request, exc, self.templates)

    def wsgi_app(self, environ, start_response):
        request = Request(environ)
        request.session = self.sessions.open(request)
        request.user = self.load_user(request)
        response = self.dispatch_request(request)
        self.sessions.save(request.session, response)
        return response(environ, start_response)

    def __call__(self, environ, start_response):
        return self.wsgi_app(environ, start_response)
