import datetime as dt
import logging
from urllib.parse import urlparse

from pyramid.csrf import new_csrf_token
from pyramid.httpexceptions import HTTPFound, HTTPNotFound, HTTPSeeOther
from pyramid.security import forget, remember
from pyramid.settings import asbool, aslist
from pyramid.view import view_config
from sqlalchemy import func, select

from ..models import AuditEntry, PasswordReset, User
from ..ratelimit import client_ip, rate_limited
from ..services import mailer, tokens
from ..services.ldap_auth import LdapAuthenticator
from ..services.passwords import PasswordPolicyError, needs_rehash, validate_password

log = logging.getLogger(__name__)

RESET_TOKEN_TTL = dt.timedelta(hours=2)
LOGIN_TEMPLATE = "pagebook:templates/login.jinja2"
REGISTER_TEMPLATE = "pagebook:templates/register.jinja2"
RESET_TEMPLATE = "pagebook:templates/password_reset.jinja2"


def _utcnow():
    return dt.datetime.now(dt.timezone.utc)


def _safe_next(request):
    target = request.params.get("next") or ""
    parsed = urlparse(target)
    if target.startswith("/") and not target.startswith("//") and not parsed.netloc:
        return target
    return request.route_url("home")


def _login_context(request, error=None):
    settings = request.registry.settings
    return {
        "error": error,
        "next": request.params.get("next", ""),
        "username": request.POST.get("username", ""),
        "ldap_enabled": bool(settings.get("ldap.base_dn")),
        "allow_registration": asbool(settings.get("pagebook.allow_registration", False)),
    }


def _login_succeeded(request, user, method):
    user.last_login_at = _utcnow()
    headers = remember(request, user.id)
    new_csrf_token(request)
    AuditEntry.record(request, f"login.{method}", user.username)
    return HTTPSeeOther(_safe_next(request), headers=headers)


@view_config(route_name="login", request_method="GET", renderer=LOGIN_TEMPLATE)
def login_form(request):
    if request.identity is not None:
        return HTTPFound(_safe_next(request))
    return _login_context(request)


@view_config(
    route_name="login",
    request_method="POST",
    renderer=LOGIN_TEMPLATE,
    decorator=rate_limited("10/minute", scope="login", key_func=client_ip),
)
def login(request):
    username = request.POST.get("username", "").strip()
    password = request.POST.get("password", "")
    user = request.dbsession.scalars(
        select(User).where(func.lower(User.username) == username.lower())
    ).one_or_none()

    if user is None or not user.is_active or not user.check_password(password):
        log.info("failed local login for %r from %s", username, request.client_addr)
        return _login_context(request, error="Invalid username or password.")

    if needs_rehash(user.password_hash):
        user.set_password(password)
    return _login_succeeded(request, user, "local")


@view_config(route_name="login_ldap", request_method="POST", renderer=LOGIN_TEMPLATE)
def login_ldap(request):
    username = request.POST.get("username", "").strip()
    password = request.POST.get("password", "")

    ldap_user = LdapAuthenticator(request.registry.settings).authenticate(username, password)
    if ldap_user is None:
        return _login_context(request, error="Directory login failed.")

    user = _sync_ldap_user(request.dbsession, ldap_user)
    if not user.is_active:
        return _login_context(request, error="Your account has been disabled.")
    return _login_succeeded(request, user, "ldap")


def _sync_ldap_user(dbsession, ldap_user):
    """Create or update the local shadow row for a directory account."""
    user = dbsession.scalars(select(User).where(User.username == ldap_user.username)).one_or_none()
    if user is None:
        user = User(username=ldap_user.username, email=ldap_user.email, auth_source="ldap")
        dbsession.add(user)
    user.email = ldap_user.email or user.email
    user.display_name = ldap_user.display_name
    user.is_admin = ldap_user.is_admin
    dbsession.flush()
    return user


@view_config(route_name="logout", request_method="POST")
def logout(request):
    headers = forget(request)
    request.session.invalidate()
    return HTTPSeeOther(request.route_url("login"), headers=headers)


# -- self-service registration ---------------------------------------------

def _registration_enabled(request):
    if not asbool(request.registry.settings.get("pagebook.allow_registration", False)):
        raise HTTPNotFound()


@view_config(route_name="register", request_method="GET", renderer=REGISTER_TEMPLATE)
def register_form(request):
    _registration_enabled(request)
    return {"error": None, "values": {}}


@view_config(route_name="register", request_method="POST", renderer=REGISTER_TEMPLATE)
def register(request):
    _registration_enabled(request)
    settings = request.registry.settings
    values = {key: request.POST.get(key, "").strip() for key in ("username", "email", "display_name")}
    password = request.POST.get("password", "")

    def fail(message):
        return {"error": message, "values": values}

    if not values["username"] or not values["email"]:
        return fail("Username and e-mail address are required.")
    if password != request.POST.get("password_confirm", ""):
        return fail("The passwords do not match.")
    try:
        validate_password(password, values["username"])
    except PasswordPolicyError as exc:
        return fail(str(exc))

    domains = aslist(settings.get("pagebook.registration_domains", ""))
    email_domain = values["email"].rpartition("@")[2].lower()
    if domains and email_domain not in domains:
        return fail("Please register with your company e-mail address.")

    taken = request.dbsession.scalar(
        select(func.count(User.id)).where(
            (func.lower(User.username) == values["username"].lower())
            | (func.lower(User.email) == values["email"].lower())
        )
    )
    if taken:
        return fail("That username or e-mail address is already registered.")

    user = User(
        username=values["username"],
        email=values["email"],
        display_name=values["display_name"] or None,
        auth_source="local",
    )
    user.set_password(password)
    request.dbsession.add(user)
    request.dbsession.flush()
    return _login_succeeded(request, user, "register")


# -- password reset ----------------------------------------------------------

def _reset_key(request):
    return (request.POST.get("email") or "").strip().lower() or client_ip(request)


@view_config(route_name="reset_request", request_method="GET", renderer=RESET_TEMPLATE)
def reset_request_form(request):
    return {"stage": "request", "error": None}


@view_config(
    route_name="reset_request",
    request_method="POST",
    renderer=RESET_TEMPLATE,
    decorator=rate_limited("3/hour", scope="password-reset", key_func=_reset_key),
)
def reset_request(request):
    email = request.POST.get("email", "").strip().lower()
    user = request.dbsession.scalars(
        select(User).where(func.lower(User.email) == email, User.auth_source == "local")
    ).one_or_none()

    if user is not None and user.is_active:
        token = tokens.make_reset_token()
        request.dbsession.add(
            PasswordReset(
                user=user,
                token_hash=tokens.hash_token(token),
                expires_at=_utcnow() + RESET_TOKEN_TTL,
            )
        )
        mailer.send_reset_email(request, user, request.route_url("reset_confirm", token=token))

    # same answer whether or not the address is known
    return {"stage": "sent", "error": None}


@view_config(route_name="reset_confirm", request_method=("GET", "POST"), renderer=RESET_TEMPLATE)
def reset_confirm(request):
    token_hash = tokens.hash_token(request.matchdict["token"])
    reset = request.dbsession.scalars(
        select(PasswordReset).where(PasswordReset.token_hash == token_hash)
    ).one_or_none()
    now = _utcnow()
    if reset is None or not reset.is_valid(now):
        return {"stage": "invalid", "error": None}
    if request.method == "GET":
        return {"stage": "confirm", "error": None}

    password = request.POST.get("password", "")
    try:
        validate_password(password, reset.user.username)
    except PasswordPolicyError as exc:
        return {"stage": "confirm", "error": str(exc)}

    reset.user.set_password(password)
    reset.used_at = now
    AuditEntry.record(request, "password.reset", reset.user.username)
    request.session.flash("Your password has been changed. Please sign in.")
    return HTTPSeeOther(request.route_url("login"))
