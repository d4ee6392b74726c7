"""Request and response helpers for API Gateway HTTP APIs (payload v2.0)."""
import base64
import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import parse_qs

logger = logging.getLogger(__name__)

HTML_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
}

PUBLIC_CORS = {"Access-Control-Allow-Origin": "*"}


class HTTPError(Exception):
    def __init__(self, status: int, message: str, code: str = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or {400: "bad_request", 401: "unauthorized", 403: "forbidden",
                             404: "not_found", 409: "conflict", 429: "rate_limited"}.get(status, "error")


def _default(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"not serialisable: {type(value).__name__}")


def parse_cookies(event: dict) -> dict:
    raw = list(event.get("cookies") or [])
    header = (event.get("headers") or {}).get("cookie")
    if header:
        raw.extend(header.split(";"))
    cookies = {}
    for item in raw:
        name, sep, value = item.strip().partition("=")
        if sep and name:
            cookies[name] = value
    return cookies


@dataclass
class Request:
    event: dict
    method: str
    path: str
    headers: dict
    query: dict
    cookies: dict
    body: str
    path_params: dict = field(default_factory=dict)
    auth: dict = field(default_factory=dict)

    @classmethod
    def from_event(cls, event: dict) -> "Request":
        http = event.get("requestContext", {}).get("http", {})
        body = event.get("body") or ""
        if body and event.get("isBase64Encoded"):
            body = base64.b64decode(body).decode("utf-8")
        authorizer = event.get("requestContext", {}).get("authorizer", {}) or {}
        return cls(
            event=event,
            method=http.get("method", "GET").upper(),
            path=event.get("rawPath", "/"),
            headers={k.lower(): v for k, v in (event.get("headers") or {}).items()},
            query=dict(event.get("queryStringParameters") or {}),
            cookies=parse_cookies(event),
            body=body,
            path_params=dict(event.get("pathParameters") or {}),
            auth=dict(authorizer.get("lambda") or {}),
        )

    @property
    def user_id(self) -> str:
        return self.auth.get("sub", "")

    @property
    def role(self) -> str:
        return self.auth.get("role", "anonymous")

    @property
    def source_ip(self) -> str:
        return self.event.get("requestContext", {}).get("http", {}).get("sourceIp", "unknown")

    def json(self) -> dict:
        if not self.body:
            return {}
        try:
            data = json.loads(self.body)
        except ValueError:
            raise HTTPError(400, "request body is not valid JSON")
        if not isinstance(data, dict):
            raise HTTPError(400, "request body must be an object")
        return data

    def form(self) -> dict:
        return {k: v[-1] for k, v in parse_qs(self.body, keep_blank_values=True).items()}

    def data(self) -> dict:
        content_type = self.headers.get("content-type", "")
        if content_type.startswith("application/x-www-form-urlencoded"):
            return self.form()
        return self.json()


def json_response(status: int, body, headers: dict = None, cookies: list = None) -> dict:
    response = {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", **(headers or {})},
        "body": json.dumps(body, default=_default),
    }
    if cookies:
        response["cookies"] = cookies
    return response


def html_response(status: int, html: str, headers: dict = None, cookies: list = None) -> dict:
    response = {"statusCode": status, "headers": {**HTML_HEADERS, **(headers or {})}, "body": html}
    if cookies:
        response["cookies"] = cookies
    return response


def redirect(location: str, cookies: list = None) -> dict:
    response = {"statusCode": 303, "headers": {"Location": location}, "body": ""}
    if cookies:
        response["cookies"] = cookies
    return response


def cors_headers(request: Request) -> dict:
    origin = request.headers.get("origin")
    if not origin:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Headers": "Content-Type, Authorization, X-CSRF-Token",
        "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
        "Vary": "Origin",
    }


def server_error(exc: Exception, context) -> dict:
    request_id = getattr(context, "aws_request_id", "-")
    logger.exception("unhandled %s (request %s)", type(exc).__name__, request_id)
    return json_response(500, {"error": "internal_error", "request_id": request_id})
