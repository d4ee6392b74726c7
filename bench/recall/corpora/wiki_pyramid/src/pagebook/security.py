"""Authentication and authorization policy.

The web UI uses an auth_tkt cookie; the JSON API under ``/api/`` accepts
bearer tokens only (see ``services/tokens.py``).  Authorization is ACL based,
the ACLs live on the route factories in ``resources.py``.
"""
import logging

from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ACLHelper, Authenticated, Everyone
from pyramid.request import RequestLocalCache

from .models import User
from .services import tokens

log = logging.getLogger(__name__)

API_PREFIX = "/api/"


def bearer_token(request):
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


class PagebookSecurityPolicy:
    def __init__(self, secret, timeout=None, reissue_time=None):
        self.authtkt = AuthTktCookieHelper(
            secret,
            cookie_name="pagebook_auth",
            hashalg="sha512",
            timeout=timeout,
            reissue_time=reissue_time,
            max_age=timeout,
        )
        self.acl = ACLHelper()
        self.identity_cache = RequestLocalCache(self.load_identity)

    # -- identity ------------------------------------------------------

    def load_identity(self, request):
        if request.path_info.startswith(API_PREFIX):
            return self._api_identity(request)

        ticket = self.authtkt.identify(request)
        if ticket is None:
            return None
        try:
            userid = int(ticket["userid"])
        except (KeyError, TypeError, ValueError):
            return None
        user = request.dbsession.get(User, userid)
        if user is None or not user.is_active:
            return None
        return user

    def _api_identity(self, request):
        raw = bearer_token(request)
        if raw is None:
            return None
        claims = tokens.decode_api_token(request.registry.settings, raw)
        if claims is None:
            log.warning("rejected API token from %s: %s", request.client_addr, dict(request.headers))
            return None
        user = request.dbsession.get(User, int(claims["sub"]))
        if user is None or not user.is_active:
            return None
        request.api_scopes = set(claims.get("scope", "").split())
        return user

    def identity(self, request):
        return self.identity_cache.get_or_create(request)

    def authenticated_userid(self, request):
        user = self.identity(request)
        if user is not None:
            return user.id
        return None

    # -- authorization ---------------------------------------------------

    def effective_principals(self, request):
        principals = [Everyone]
        user = self.identity(request)
        if user is not None:
            principals.append(Authenticated)
            principals.extend(user.principals())
        return principals

    def permits(self, request, context, permission):
        return self.acl.permits(context, self.effective_principals(request), permission)

    # -- login / logout --------------------------------------------------

    def remember(self, request, userid, **kw):
        self.identity_cache.clear(request)
        return self.authtkt.remember(request, str(userid), **kw)

    def forget(self, request, **kw):
        self.identity_cache.clear(request)
        return self.authtkt.forget(request, **kw)
