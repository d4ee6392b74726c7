"""Server-side sessions kept in the ``sessions`` table.

The browser only ever sees a random session id; we store a SHA-256 of it so a
leaked database dump cannot be replayed as cookies.
"""
import hashlib
import json
import logging
import time
import secrets

from bottle import request, response

from kiosk import config, db

log = logging.getLogger(__name__)

_CACHE_KEY = "kiosk.session"


def _digest(session_id):
    return hashlib.sha256(session_id.encode("ascii")).hexdigest()


class Session(dict):
    def __init__(self, session_id=None, data=None, is_new=False):
        super().__init__(data or {})
        self.session_id = session_id
        self.is_new = is_new
        self.modified = False

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.modified = True

    def __delitem__(self, key):
        super().__delitem__(key)
        self.modified = True

    @property
    def customer_id(self):
        return self.get("customer_id")

    @property
    def is_admin(self):
        return bool(self.get("is_admin"))


def _load(session_id):
    row = db.query_one(
        "SELECT data, expires_at FROM sessions WHERE id_hash = ?",
        (_digest(session_id),),
    )
    if row is None or row["expires_at"] < time.time():
        return None
    return json.loads(row["data"])


def get_session():
    cached = request.environ.get(_CACHE_KEY)
    if cached is not None:
        return cached
    session_id = request.get_cookie(config.SESSION_COOKIE)
    data = _load(session_id) if session_id else None
    if data is None:
        session = Session(is_new=True)
    else:
        session = Session(session_id, data)
    request.environ[_CACHE_KEY] = session
    return session


def _write_cookie(session_id):
    response.set_cookie(
        config.SESSION_COOKIE,
        session_id,
        path="/",
        max_age=config.SESSION_TTL,
        httponly=True,
    )


def save_session(session):
    if not session.modified:
        return
    expires = time.time() + config.SESSION_TTL
    payload = json.dumps(dict(session))
    if session.session_id is None:
        session.session_id = secrets.token_urlsafe(32)
        db.insert("sessions", {
            "id_hash": _digest(session.session_id),
            "customer_id": session.get("customer_id"),
            "data": payload,
            "expires_at": expires,
            "created_at": time.time(),
        })
        _write_cookie(session.session_id)
    else:
        db.execute(
            "UPDATE sessions SET data = ?, expires_at = ? WHERE id_hash = ?",
            (payload, expires, _digest(session.session_id)),
        )
    session.modified = False


def login(customer, is_admin=False):
    """Start a fresh session for ``customer`` (rotates the id)."""
    old = get_session()
    if old.session_id:
        destroy(old)
    session = Session(is_new=True)
    session["customer_id"] = customer["id"]
    session["name"] = customer["name"]
    session["is_admin"] = bool(is_admin)
    session["login_at"] = int(time.time())
    request.environ[_CACHE_KEY] = session
    save_session(session)
    log.info("customer %s signed in", customer["id"])
    return session


def destroy(session=None):
    session = session or get_session()
    if session.session_id:
        db.execute("DELETE FROM sessions WHERE id_hash = ?", (_digest(session.session_id),))
    response.delete_cookie(config.SESSION_COOKIE, path="/")
    request.environ[_CACHE_KEY] = Session(is_new=True)


def purge_expired():
    return db.execute("DELETE FROM sessions WHERE expires_at < ?", (time.time(),)).rowcount
