"""Authentication against the company directory (OpenLDAP / AD)."""
import logging
from dataclasses import dataclass

import ldap3
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars
from pyramid.settings import asbool, aslist

from ..config import LDAP_URL

log = logging.getLogger(__name__)

USER_ATTRIBUTES = ["uid", "mail", "cn", "memberOf"]


@dataclass(frozen=True)
class LdapUser:
    username: str
    dn: str
    email: str
    display_name: str
    groups: tuple
    is_admin: bool = False


class LdapAuthenticator:
    def __init__(self, settings):
        self.url = settings.get("ldap.url") or LDAP_URL
        self.base_dn = settings.get("ldap.base_dn", "")
        self.bind_dn = settings.get("ldap.bind_dn")
        self.bind_password = settings.get("ldap.bind_password")
        self.user_filter = settings.get("ldap.user_filter", "(&(objectClass=inetOrgPerson)(uid={username}))")
        self.admin_groups = {g.lower() for g in aslist(settings.get("ldap.admin_groups", ""))}
        self.start_tls = asbool(settings.get("ldap.start_tls", True))
        self.timeout = int(settings.get("ldap.timeout", 5))

    def _connection(self, user, password):
        server = ldap3.Server(self.url, get_info=ldap3.NONE, connect_timeout=self.timeout)
        if self.start_tls and not self.url.startswith("ldaps://"):
            auto_bind = ldap3.AUTO_BIND_TLS_BEFORE_BIND
        else:
            auto_bind = ldap3.AUTO_BIND_NO_TLS
        conn_kwargs = {
            "user": user,
            "password": password,
            "auto_bind": auto_bind,
            "receive_timeout": self.timeout,
            "raise_exceptions": True,
        }
        log.debug("binding to %s with %s", self.url, conn_kwargs)
        return ldap3.Connection(server, **conn_kwargs)

    def find_user(self, username):
        search_filter = self.user_filter.format(username=escape_filter_chars(username))
        with self._connection(self.bind_dn, self.bind_password) as conn:
            conn.search(self.base_dn, search_filter, attributes=USER_ATTRIBUTES, size_limit=2)
            if len(conn.entries) != 1:
                return None
            return conn.entries[0]

    def authenticate(self, username, password):
        if not username or not password:
            # an empty password turns into an unauthenticated bind, which "succeeds"
            return None
        try:
            entry = self.find_user(username)
            if entry is None:
                log.info("LDAP user %r not found", username)
                return None
            with self._connection(entry.entry_dn, password):
                pass
        except LDAPException as exc:
            log.info("LDAP authentication failed for %r: %s", username, exc.__class__.__name__)
            return None

        groups = tuple(str(g) for g in entry.memberOf.values) if "memberOf" in entry else ()
        return LdapUser(
            username=str(entry.uid),
            dn=entry.entry_dn,
            email=str(entry.mail) if "mail" in entry else "",
            display_name=str(entry.cn) if "cn" in entry else str(entry.uid),
            groups=groups,
            is_admin=any(g.lower() in self.admin_groups for g in groups),
        )
