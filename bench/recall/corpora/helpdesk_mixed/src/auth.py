"""Session login for the web UI."""
import logging
from functools import wraps

from flask import abort, g, redirect, request, session, url_for

import db
from utils import ldapauth
from utils.crypto import PasswordHasher

log = logging.getLogger(__name__)

hasher = PasswordHasher()


def load_current_user():
    user_id = session.get("user_id")
    g.user = db.get_user(user_id) if user_id else None
    if g.user is not None and not g.user["is_active"]:
        session.clear()
        g.user = None


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("user") is None:
            return redirect(url_for("login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not g.user["is_admin"]:
            log.warning("admin access denied for %s on %s, headers=%s", g.user["username"], request.path, dict(request.headers))
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def authenticate(username, password):
    """Return the user row if the credentials are good, else None."""
    user = db.get_user_by_username(username)
    if user is None:
        return _first_ldap_login(username, password)

    if user["auth_source"] == "ldap":
        return user if ldapauth.check_password(username, password) else None

    if user["password_hash"] and hasher.verify(password, user["password_hash"]):
        if hasher.needs_rehash(user["password_hash"]):
            db.set_password_hash(user["id"], hasher.hash(password))
        return user
    return None


def _first_ldap_login(username, password):
    """Create the local row for a directory user on their first login."""
    if not ldapauth.check_password(username, password):
        return None
    found = ldapauth.lookup(username)
    if found is None:
        return None
    _, attrs = found
    email = (attrs.get("mail") or [f"{username}@corp.example.com"])[0]
    display_name = (attrs.get("displayName") or [username])[0]
    user_id = db.create_user(
        username, email, display_name, auth_source="ldap", is_admin=ldapauth.is_admin(attrs)
    )
    log.info("created user %s from LDAP", username)
    return db.get_user(user_id)


def login_user(user):
    session.clear()
    session["user_id"] = user["id"]
    session.permanent = True


def logout_user():
    session.clear()
