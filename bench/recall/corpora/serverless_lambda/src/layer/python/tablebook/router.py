"""A tiny path router so one Lambda function can serve a whole resource."""
import logging
import re
from typing import Callable, List, Tuple

from .http import HTTPError, Request, cors_headers, json_response, server_error
from .logging_setup import configure_logging

logger = logging.getLogger(__name__)

_PARAM = re.compile(r"\{(\w+)\}")


class Router:
    def __init__(self, name: str):
        self.name = name
        self._routes: List[Tuple[str, re.Pattern, Callable]] = []
        configure_logging()

    def route(self, method: str, path: str):
        pattern = re.compile("^" + _PARAM.sub(r"(?P<\1>[^/]+)", path.rstrip("/") or "/") + "/?$")

        def decorator(fn):
            self._routes.append((method.upper(), pattern, fn))
            return fn

        return decorator

    def get(self, path):
        return self.route("GET", path)

    def post(self, path):
        return self.route("POST", path)

    def put(self, path):
        return self.route("PUT", path)

    def delete(self, path):
        return self.route("DELETE", path)

    def _match(self, request: Request):
        allowed = False
        for method, pattern, fn in self._routes:
            match = pattern.match(request.path)
            if not match:
                continue
            allowed = True
            if method == request.method:
                request.path_params.update(match.groupdict())
                return fn, True
        return None, allowed

    def __call__(self, event: dict, context) -> dict:
        request = Request.from_event(event)
        logger.info("%s %s -> %s", request.method, request.path, self.name)

        if request.method == "OPTIONS":
            return {"statusCode": 204, "headers": cors_headers(request), "body": ""}

        fn, path_known = self._match(request)
        if fn is None:
            status = 405 if path_known else 404
            response = json_response(status, {"error": "not_found" if status == 404 else "method_not_allowed"})
        else:
            try:
                response = fn(request)
            except HTTPError as err:
                response = json_response(err.status, {"error": err.code, "message": err.message})
            except Exception as exc:  # noqa: BLE001 - last-resort handler
                response = server_error(exc, context)

        headers = response.setdefault("headers", {})
        if "Access-Control-Allow-Origin" not in headers:
            headers.update(cors_headers(request))
        return response
