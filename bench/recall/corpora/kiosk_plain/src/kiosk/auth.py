"""Request authentication helpers and route decorators."""
import functools
import logging

from bottle import HTTPError, redirect, request

from kiosk import db, devicetoken
from kiosk.ratelimit import client_ip
from kiosk.sessions import get_session

log = logging.getLogger(__name__)


def current_user():
    cached = request.environ.get("kiosk.user", False)
    if cached is not False:
        return cached
    session = get_session()
    user = None
    if session.customer_id:
        user = db.query_one(
            "SELECT id, name, email, is_admin FROM customers WHERE id = ? AND active = 1",
            (session.customer_id,),
        )
    request.environ["kiosk.user"] = user
    return user


def login_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if current_user() is None:
            redirect("/login?next=" + request.path)
        return fn(*args, **kwargs)
    return wrapper


def admin_required(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        user = current_user()
        if user is None:
            redirect("/login?next=/admin" + request.path)
        if not user["is_admin"]:
            raise HTTPError(403, "Administrators only.")
        return fn(*args, **kwargs)
    return wrapper


def _bearer(prefix):
    header = request.get_header("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != prefix.lower() or not value:
        return None
    return value.strip()


def device_required(scope=None):
    """Authenticate a lobby kiosk by its device token."""
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            token = _bearer("Kiosk")
            if token is None:
                raise HTTPError(401, "Device token required.")
            try:
                claims = devicetoken.verify(token)
            except devicetoken.InvalidToken as exc:
                log.warning("rejected kiosk token from %s: %s", client_ip(), exc)
                raise HTTPError(401, "Invalid device token.")
            device = db.query_one("SELECT id, revoked FROM devices WHERE id = ?", (claims["dev"],))
            if device is None or device["revoked"]:
                raise HTTPError(401, "Device is not paired.")
            if scope and not devicetoken.has_scope(claims, scope):
                raise HTTPError(403, "Device may not %s." % scope)
            request.environ["kiosk.device"] = claims
            return fn(*args, **kwargs)
        return wrapper
    return decorator


def staff_required(fn):
    from kiosk.services import staff

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        token = _bearer("Bearer")
        if token is None:
            raise HTTPError(401, "Staff token required.")
        try:
            claims = staff.decode_staff_token(token)
        except staff.StaffAuthError:
            raise HTTPError(401, "Staff token invalid or expired.")
        request.environ["kiosk.staff"] = claims
        return fn(*args, **kwargs)
    return wrapper


def current_device():
    return request.environ.get("kiosk.device")


def current_staff():
    return request.environ.get("kiosk.staff")
