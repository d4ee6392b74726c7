"""Generic HTTP middleware: request ids, host checks, HTTPS and security headers."""

import logging
import time
import uuid

import falcon

from stockroom import settings

logger = logging.getLogger("stockroom.access")


class RequestContextMiddleware:
    """Assigns a request id and writes one access-log line per request."""

    def process_request(self, req, resp):
        req.context.request_id = req.get_header("X-Request-Id") or uuid.uuid4().hex
        req.context.started = time.perf_counter()

    def process_response(self, req, resp, resource, req_succeeded):
        elapsed_ms = (time.perf_counter() - req.context.get("started", time.perf_counter())) * 1000
        resp.set_header("X-Request-Id", req.context.get("request_id", "-"))
        client = req.context.get("client")
        user = req.context.get("user")
        logger.info(
            "%s %s -> %s in %.1fms client=%s user=%s rid=%s",
            req.method,
            req.path,
            resp.status[:3] if isinstance(resp.status, str) else resp.status,
            elapsed_ms,
            client["id"] if client else "-",
            user["id"] if user else "-",
            req.context.get("request_id"),
        )


class TrustedHostMiddleware:
    def __init__(self, allowed_hosts):
        self._exact = {h.lower() for h in allowed_hosts if not h.startswith("*")}
        self._suffixes = tuple(h[1:].lower() for h in allowed_hosts if h.startswith("*."))
        self._any = "*" in allowed_hosts

    def _allowed(self, host: str) -> bool:
        host = host.split(":", 1)[0].lower()
        return self._any or host in self._exact or (bool(self._suffixes) and host.endswith(self._suffixes))

    def process_request(self, req, resp):
        if not self._allowed(req.forwarded_host or req.host):
            raise falcon.HTTPBadRequest(title="Invalid host header")


class HTTPSRedirectMiddleware:
    def __init__(self, exempt_paths=()):
        self._exempt = frozenset(exempt_paths)

    def process_request(self, req, resp):
        if not settings.SSL_REDIRECT or req.path in self._exempt:
            return
        if req.forwarded_scheme != "https":
            target = "https://" + (req.forwarded_host or req.host) + req.relative_uri
            raise falcon.HTTPPermanentRedirect(target)


class SecurityHeadersMiddleware:
    def process_response(self, req, resp, resource, req_succeeded):
        resp.set_header("X-Content-Type-Options", "nosniff")
        resp.set_header("Referrer-Policy", "same-origin")
        if resp.content_type and resp.content_type.startswith("text/html"):
            resp.set_header("X-Frame-Options", "DENY")
            resp.set_header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                "script-src 'self' 'unsafe-inline'",
            )
        if settings.HSTS_SECONDS:
            resp.set_header("Strict-Transport-Security", f"max-age={settings.HSTS_SECONDS}; includeSubDomains")
