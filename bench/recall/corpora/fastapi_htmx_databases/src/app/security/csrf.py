import hmac
import secrets

from fastapi import HTTPException, Request, status

CSRF_SESSION_KEY = "_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FORM_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# Bearer-token API and signed webhooks never rely on the session cookie.
EXEMPT_PREFIXES = (
    "/api/",
    "/webhooks/",
    "/organizers/events",
)


def get_csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_SESSION_KEY)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_SESSION_KEY] = token
    return token


async def csrf_protect(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    if request.url.path.startswith(EXEMPT_PREFIXES):
        return
    expected = request.session.get(CSRF_SESSION_KEY)
    submitted = request.headers.get(CSRF_HEADER)
    if submitted is None:
        form = await request.form()
        submitted = form.get(CSRF_FORM_FIELD)
    if not expected or not submitted or not hmac.compare_digest(expected, str(submitted)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "CSRF token missing or invalid")
