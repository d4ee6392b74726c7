"""Cross-cutting protections: CSRF tokens, rate limits, security headers, log redaction."""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from typing import Annotated

from fastapi import Form, HTTPException, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from slowapi import Limiter
from slowapi.util import get_remote_address

from app.settings import settings

# -- rate limits ------------------------------------------------------------------------------------

limiter = Limiter(key_func=get_remote_address, default_limits=["120/minute"])

# -- CSRF: signed double-submit token ---------------------------------------------------------------
# The browser holds a random value in the `csrftoken` cookie; forms carry that value signed with the
# server's key. A POST is accepted only if the signature is valid and the signed value is the cookie's.

CSRF_COOKIE = "csrftoken"
CSRF_MAX_AGE = 2 * 3600
_csrf_serializer = URLSafeTimedSerializer(settings.signing_key, salt="csrf-token")


def csrf_seed(request: Request) -> str:
    """The browser's CSRF cookie value, or a new one (set on the response by `set_csrf_cookie`)."""
    seed = request.cookies.get(CSRF_COOKIE)
    if not seed:
        seed = request.state.csrf_seed = secrets.token_urlsafe(32)
    return seed


def new_csrf_token(request: Request) -> str:
    return _csrf_serializer.dumps(csrf_seed(request))


def set_csrf_cookie(request: Request, response: Response) -> None:
    seed = getattr(request.state, "csrf_seed", None)
    if seed:
        response.set_cookie(CSRF_COOKIE, seed, max_age=CSRF_MAX_AGE, secure=settings.cookie_secure,
                            httponly=True, samesite="lax")


def verify_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """Dependency of every state-changing form route: 403 unless the form's token matches the cookie."""
    seed = request.cookies.get(CSRF_COOKIE, "")
    try:
        signed = _csrf_serializer.loads(csrf_token, max_age=CSRF_MAX_AGE)
    except BadSignature:
        raise HTTPException(status_code=403, detail="CSRF token missing or invalid") from None
    if not seed or not hmac.compare_digest(str(signed), seed):
        raise HTTPException(status_code=403, detail="CSRF token missing or invalid")


# -- security headers -------------------------------------------------------------------------------

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
if settings.cookie_secure:
    SECURITY_HEADERS["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


# -- logs -------------------------------------------------------------------------------------------


class RedactSecrets(logging.Filter):
    """Masks passwords, tokens, keys, cookies and bearer credentials in every record a handler emits."""

    _PAIRS = re.compile(r"(?i)\b([\w-]*(?:password|passwd|secret|token|api[_-]?key|session[_-]?id|cookie|"
                        r"authorization)[\w-]*)(\s*[=:]\s*|\"\s*:\s*\"|'\s*:\s*')([^\s&,;\"']+)")
    _BEARER = re.compile(r"(?i)\b(bearer)\s+[\w.~+/=-]+")
    _JWT = re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]*")

    def redact(self, text: str) -> str:
        text = self._PAIRS.sub(r"\1\2[redacted]", text)
        text = self._BEARER.sub(r"\1 [redacted]", text)
        return self._JWT.sub("[redacted]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = self.redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(self.redact(a) if isinstance(a, str) else a for a in record.args)
        return True


REDACT = RedactSecrets()


def configure_logging() -> None:
    """Log at INFO, and redact on every handler: the app's and uvicorn's (whose access log shows query strings)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access"):
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(REDACT)
