"""Synchroniser-token CSRF protection for the cookie-session HTML routes.

Use ``Depends(csrf_protect)`` on a router or route; templates render the token
with ``csrf_token(request)`` into a hidden ``csrf_token`` field.
"""

import hmac
import secrets

from fastapi import HTTPException, Request, status

SESSION_KEY = "_csrf"
FORM_FIELD = "csrf_token"
HEADER_NAME = "X-CSRF-Token"
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def get_csrf_token(request: Request) -> str:
    token = request.session.get(SESSION_KEY)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


async def csrf_protect(request: Request) -> None:
    if request.method not in _UNSAFE_METHODS:
        return
    expected = request.session.get(SESSION_KEY)
    supplied = request.headers.get(HEADER_NAME)
    if supplied is None:
        form = await request.form()
        value = form.get(FORM_FIELD)
        supplied = value if isinstance(value, str) else None
    if not expected or not supplied or not hmac.compare_digest(supplied, expected):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "CSRF token missing or invalid")
