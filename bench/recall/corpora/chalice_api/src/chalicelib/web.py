"""Small helpers shared by the HTTP blueprints: request validation and HTML responses."""
import re

from chalice import BadRequestError, Response

HTML = "text/html; charset=utf-8"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def html(body, status_code=200, headers=None):
    merged = {"Content-Type": HTML, **SECURITY_HEADERS}
    if headers:
        merged.update(headers)
    return Response(body=body, status_code=status_code, headers=merged)


def redirect(location, headers=None):
    merged = {"Location": location}
    if headers:
        merged.update(headers)
    return Response(body="", status_code=303, headers=merged)


EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
ID_RE = re.compile(r"^[A-Za-z0-9-]{3,64}$")


def require_fields(body, *names):
    if not isinstance(body, dict):
        raise BadRequestError("Expected a JSON object")
    missing = [n for n in names if body.get(n) in (None, "")]
    if missing:
        raise BadRequestError(f"Missing field(s): {', '.join(missing)}")
    return [body[n] for n in names]


def email(value):
    value = str(value).strip().lower()
    if not EMAIL_RE.match(value):
        raise BadRequestError("Invalid e-mail address")
    return value


def identifier(value, label="id"):
    value = str(value)
    if not ID_RE.match(value):
        raise BadRequestError(f"Invalid {label}")
    return value


def bounded_int(value, default, low, high):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return max(low, min(number, high))
