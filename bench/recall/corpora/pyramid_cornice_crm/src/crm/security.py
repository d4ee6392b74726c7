import logging

from pyramid.authentication import AuthTktCookieHelper
from pyramid.authorization import ACLHelper, Authenticated, Everyone
from pyramid.request import RequestLocalCache
from pyramid.session import SignedCookieSessionFactory
from pyramid.settings import asbool

from crm.models import User
from crm.services.tokens import TokenError, decode_access_token

log = logging.getLogger(__name__)

INTEGRATION_KEY_HEADER = "X-Integration-Key"


def bearer_token(request):
    authorization = request.authorization
    if authorization is None:
        return None
    authtype, params = authorization
    if authtype.lower() != "bearer" or not isinstance(params, str):
        return None
    return params.strip() or None


def csrf_applies(request):
    """Only cookie-authenticated browser requests need a CSRF token.

    Mobile clients send a bearer token and integrations send their key in a
    custom header; neither can be attached by a cross-site form post.
    """
    return bearer_token(request) is None and INTEGRATION_KEY_HEADER not in request.headers


class CRMSecurityPolicy:
    def __init__(self, settings):
        self.settings = settings
        # The customer sidebar is also loaded inside the Outlook add-in, which
        # is a third-party iframe: the ticket has to be sent cross-site.
        self.authtkt = AuthTktCookieHelper(
            settings["auth.secret"],
            cookie_name="crm_auth",
            hashalg="sha512",
            secure=asbool(settings.get("auth.secure_cookie", True)),
            samesite="None",
            max_age=12 * 60 * 60,
            timeout=12 * 60 * 60,
            reissue_time=30 * 60,
        )
        self.identity_cache = RequestLocalCache(self.load_identity)
        self.acl = ACLHelper()

    def load_identity(self, request):
        token = bearer_token(request)
        if token is not None:
            return self._identity_from_token(request, token)

        ticket = self.authtkt.identify(request)
        if ticket is None:
            return None
        user = request.dbsession.get(User, int(ticket["userid"]))
        if user is None or not user.is_active:
            return None
        return user

    def _identity_from_token(self, request, token):
        try:
            claims = decode_access_token(self.settings, token)
        except TokenError as exc:
            log.info("rejected bearer token: %s", exc)
            return None
        user = request.dbsession.get(User, int(claims["sub"]))
        if user is None or not user.is_active:
            return None
        return user

    def identity(self, request):
        return self.identity_cache.get_or_create(request)

    def authenticated_userid(self, request):
        user = self.identity(request)
        if user is not None:
            return user.id

    def remember(self, request, userid, **kw):
        return self.authtkt.remember(request, userid, **kw)

    def forget(self, request, **kw):
        return self.authtkt.forget(request, **kw)

    def permits(self, request, context, permission):
        return self.acl.permits(context, self.effective_principals(request), permission)

    def effective_principals(self, request):
        principals = [Everyone]
        user = self.identity(request)
        if user is not None:
            principals.append(Authenticated)
            principals.append(f"u:{user.id}")
            principals.append(f"role:{user.role}")
        return principals


def includeme(config):
    settings = config.get_settings()

    session_factory = SignedCookieSessionFactory(
        settings["session.secret"],
        cookie_name="crm_session",
        secure=asbool(settings.get("session.secure", True)),
        httponly=True,
        samesite="Lax",
        timeout=8 * 60 * 60,
    )
    config.set_session_factory(session_factory)
    config.set_default_csrf_options(require_csrf=True, callback=csrf_applies)
    config.set_security_policy(CRMSecurityPolicy(settings))
