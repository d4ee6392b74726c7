"""Password check against the corporate directory.

The DCs go down for patching every other Tuesday, so successful logins are
remembered in a small sqlite file and used while LDAP is unreachable.
"""
import logging
import os
import sqlite3
from contextlib import closing

from ldap3 import NONE, Connection, Server
from ldap3.core.exceptions import LDAPException, LDAPSocketOpenError
from ldap3.utils.conv import escape_filter_chars

import settings

log = logging.getLogger(__name__)

CACHE_PATH = os.path.join(settings.INSTANCE_DIR, "ldap_cache.sqlite3")
USER_ATTRIBUTES = ["mail", "displayName", "memberOf", "department"]
REMEMBER_SQL = "INSERT OR REPLACE INTO ldap_cache (username, password, updated_at) VALUES (?, ?, datetime('now'))"


def _server():
    return Server(settings.LDAP_URL, get_info=NONE, connect_timeout=settings.LDAP_TIMEOUT)


def _service_connection():
    return Connection(
        _server(),
        user=settings.LDAP_BIND_DN,
        password=settings.LDAP_BIND_PASSWORD,
        auto_bind=True,
        receive_timeout=settings.LDAP_TIMEOUT,
    )


def lookup(username):
    """Return (dn, attributes) for a sAMAccountName, or None."""
    search_filter = "(&(objectClass=person)(sAMAccountName=%s))" % escape_filter_chars(username)
    with _service_connection() as conn:
        conn.search(settings.LDAP_BASE_DN, search_filter, attributes=USER_ATTRIBUTES, size_limit=2)
        if len(conn.entries) != 1:
            return None
        entry = conn.entries[0]
        return entry.entry_dn, entry.entry_attributes_as_dict


def is_admin(attributes):
    groups = [g.lower() for g in attributes.get("memberOf", [])]
    return settings.LDAP_ADMIN_GROUP.lower() in groups


def check_password(username, password):
    if not password:
        # an empty password would be an anonymous bind and "succeed"
        return False
    try:
        found = lookup(username)
        if found is None:
            return False
        dn, _ = found
        conn = Connection(_server(), user=dn, password=password, receive_timeout=settings.LDAP_TIMEOUT)
        ok = conn.bind()
        conn.unbind()
    except LDAPSocketOpenError:
        if not settings.LDAP_OFFLINE_FALLBACK:
            raise
        log.warning("LDAP unreachable, checking offline cache for %s", username)
        return _check_cached(username, password)
    except LDAPException:
        log.exception("LDAP error while authenticating %s", username)
        return False

    if ok and settings.LDAP_OFFLINE_FALLBACK:
        _remember(username, password)
    log.info("LDAP bind for %s: %s", username, "ok" if ok else "rejected")
    return ok


def _cache():
    os.makedirs(os.path.dirname(CACHE_PATH), exist_ok=True)
    conn = sqlite3.connect(CACHE_PATH)
    conn.row_factory = sqlite3.Row
    conn.execute(
        "CREATE TABLE IF NOT EXISTS ldap_cache ("
        " username TEXT PRIMARY KEY,"
        " password TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)"
    )
    return conn


def _remember(username, password):
    with closing(_cache()) as conn, conn:
        conn.execute(REMEMBER_SQL, (username, password))


def _check_cached(username, password):
    with closing(_cache()) as conn:
        row = conn.execute(
            "SELECT password FROM ldap_cache WHERE username = ? AND updated_at > datetime('now', '-14 days')",
            (username,),
        ).fetchone()
    return row is not None and row["password"] == password
