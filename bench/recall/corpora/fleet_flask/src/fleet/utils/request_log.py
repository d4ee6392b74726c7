import logging
import time
import uuid

from flask import g, request

log = logging.getLogger("fleet.access")


def start_timer():
    g.request_started = time.perf_counter()
    g.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex[:12]


def log_api_request():
    """Verbose logging for the mobile app endpoints, helps when drivers call support."""
    rid = g.get("request_id")
    log.info("[%s] %s %s from %s", rid, request.method, request.path, request.remote_addr)
    log.info("[%s] headers=%s", rid, dict(request.headers))


def log_response(response):
    started = g.get("request_started")
    elapsed_ms = (time.perf_counter() - started) * 1000 if started else -1
    log.info(
        "[%s] %s %s -> %s in %.1fms",
        g.get("request_id"),
        request.method,
        request.path,
        response.status_code,
        elapsed_ms,
    )
    response.headers["X-Request-ID"] = g.get("request_id", "")
    return response
