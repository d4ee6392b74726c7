"""Error handlers."""
from __future__ import annotations

import logging
import traceback

from sanic import Request, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import html, json

logger = logging.getLogger(__name__)

ERROR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Something went wrong · Gatepass</title>
<link rel="stylesheet" href="/static/css/app.css"></head>
<body class="error-page"><main>
<h1>Something went wrong</h1>
<p>We've been notified and are looking into it. If you contact support, quote reference
<code>{request_id}</code>.</p>
<p><a href="/">Back to events</a></p>
</main></body></html>"""

NOT_FOUND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found · Gatepass</title>
<link rel="stylesheet" href="/static/css/app.css"></head>
<body class="error-page"><main><h1>Page not found</h1>
<p>The page you were looking for doesn't exist or has moved.</p>
<p><a href="/">Browse events</a></p></main></body></html>"""


def _wants_json(request: Request) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def register(app: Sanic) -> None:
    @app.exception(NotFound)
    async def not_found(request: Request, exc: NotFound):
        if _wants_json(request):
            return json({"error": "not_found"}, status=404)
        return html(NOT_FOUND_PAGE, status=404)

    @app.exception(Exception)
    async def unhandled(request: Request, exc: Exception):
        if isinstance(exc, SanicException) and exc.status_code < 500:
            return app.error_handler.default(request, exc)

        logger.exception("unhandled error on %s %s", request.method, request.path)
        if _wants_json(request):
            return json({"error": "internal_error", "detail": "".join(traceback.format_exception(exc))}, status=500)
        return html(ERROR_PAGE.format(request_id=request.id), status=500)
