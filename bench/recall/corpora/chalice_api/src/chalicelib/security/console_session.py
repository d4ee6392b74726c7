"""Server-side sessions for the operator console (HTML pages served by the same API)."""
import hmac
import secrets
from http.cookies import SimpleCookie

from chalicelib import dynamo, settings

SESSION_COOKIE = "console_sid"


def _table():
    return dynamo.table(settings.CONSOLE_SESSIONS_TABLE)


def create(operator_id, role):
    session_id = secrets.token_urlsafe(32)
    csrf_token = secrets.token_urlsafe(32)
    _table().put_item(
        Item={
            "session_id": session_id,
            "operator_id": operator_id,
            "role": role,
            "csrf_token": csrf_token,
            "created_at": dynamo.utcnow_iso(),
            "expires_at": dynamo.epoch_in(settings.CONSOLE_SESSION_HOURS * 3600),
        }
    )
    return session_id


def session_cookie(session_id):
    max_age = settings.CONSOLE_SESSION_HOURS * 3600
    return f"{SESSION_COOKIE}={session_id}; Path=/console; Max-Age={max_age}"


def expired_cookie():
    return f"{SESSION_COOKIE}=; Path=/console; Max-Age=0; Secure; HttpOnly; SameSite=Lax"


def _session_id(request):
    raw = request.headers.get("cookie", "")
    cookie = SimpleCookie()
    cookie.load(raw)
    morsel = cookie.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def load(request):
    session_id = _session_id(request)
    if not session_id:
        return None
    item = _table().get_item(Key={"session_id": session_id}).get("Item")
    if not item or int(item["expires_at"]) < dynamo.epoch_in(0):
        return None
    return item


def destroy(session):
    _table().delete_item(Key={"session_id": session["session_id"]})


def csrf_valid(session, submitted):
    expected = session.get("csrf_token", "")
    return bool(submitted) and hmac.compare_digest(expected, submitted)
