import logging
from datetime import datetime, timezone
from urllib.parse import urlparse

import jwt
from pyramid.csrf import new_csrf_token
from pyramid.httpexceptions import HTTPForbidden, HTTPNotFound, HTTPSeeOther
from pyramid.security import forget, remember
from pyramid.view import view_config

from crm.services.accounts import (
    AccountError,
    accept_invite,
    complete_password_reset,
    find_user,
    pending_invite,
    pending_reset,
    request_password_reset,
)
from crm.services.passwords import password_problems
from crm.services.throttle import throttle
from crm.utils import normalize_email

log = logging.getLogger(__name__)


def _safe_next(request, target):
    """Only follow ``next`` to paths on this site."""
    if not target:
        return request.route_url("customers")
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return request.route_url("customers")
    return target


def _sign_in(request, user, next_url):
    new_csrf_token(request)
    user.last_login_at = datetime.now(timezone.utc)
    headers = remember(request, str(user.id))
    return HTTPSeeOther(location=next_url, headers=headers)


@view_config(route_name="home")
def home(request):
    if request.identity is None:
        return HTTPSeeOther(request.route_url("login"))
    return HTTPSeeOther(request.route_url("customers"))


@view_config(route_name="healthz", renderer="json")
def healthz(request):
    return {"status": "ok"}


@view_config(route_name="login", request_method="GET", renderer="crm:templates/login.jinja2")
def login_form(request):
    if request.identity is not None:
        return HTTPSeeOther(request.route_url("customers"))
    return {"login": "", "next": request.params.get("next", ""), "error": None}


@view_config(
    route_name="login",
    request_method="POST",
    renderer="crm:templates/login.jinja2",
    decorator=throttle("login", limit=10, window=300),
)
def login(request):
    login = normalize_email(request.POST.get("login"))
    password = request.POST.get("password", "")
    next_url = _safe_next(request, request.POST.get("next"))

    user = find_user(request.dbsession, login)
    if user is None or not user.is_active or not user.check_password(password):
        log.warning("failed login for %s from %s", login, request.client_addr)
        request.response.status = 400
        return {"login": login, "next": next_url, "error": "Unknown e-mail address or wrong password."}

    log.info("user %s signed in", user.id)
    return _sign_in(request, user, next_url)


@view_config(route_name="logout", request_method="POST")
def logout(request):
    headers = forget(request)
    request.session.invalidate()
    return HTTPSeeOther(location=request.route_url("login"), headers=headers)


@view_config(route_name="password_reset", request_method="GET", renderer="crm:templates/password_reset.jinja2")
def password_reset_form(request):
    return {"mode": "request", "sent": False, "errors": []}


@view_config(
    route_name="password_reset",
    request_method="POST",
    renderer="crm:templates/password_reset.jinja2",
    decorator=throttle("password-reset", limit=5, window=900),
)
def password_reset_request(request):
    email = normalize_email(request.POST.get("email"))
    if email:
        request_password_reset(request, email)
    # Same answer whether or not the address is known.
    return {"mode": "request", "sent": True, "errors": []}


@view_config(
    route_name="password_reset_confirm",
    renderer="crm:templates/password_reset.jinja2",
    decorator=throttle("password-reset-confirm", limit=10, window=900),
)
def password_reset_confirm(request):
    reset = pending_reset(request.dbsession, request.matchdict["token"])
    if reset is None:
        raise HTTPNotFound("This reset link is invalid or has expired.")
    errors = []
    if request.method == "POST":
        password = request.POST.get("password", "")
        if password != request.POST.get("password_confirm", ""):
            errors.append("The two passwords do not match.")
        errors.extend(password_problems(password, reset.user.email))
        if not errors:
            complete_password_reset(request.dbsession, reset, password)
            request.session.flash("Your password has been changed. Please sign in.")
            return HTTPSeeOther(request.route_url("login"))
    return {"mode": "set", "title": "Choose a new password", "errors": errors}


@view_config(
    route_name="invite_accept",
    renderer="crm:templates/password_reset.jinja2",
    decorator=throttle("invite-accept", limit=10, window=900),
)
def invite_accept(request):
    invite = pending_invite(request.dbsession, request.matchdict["token"])
    if invite is None:
        raise HTTPNotFound("This invitation is invalid or has expired.")
    errors = []
    if request.method == "POST":
        full_name = request.POST.get("full_name", "")
        password = request.POST.get("password", "")
        if password != request.POST.get("password_confirm", ""):
            errors.append("The two passwords do not match.")
        errors.extend(password_problems(password, invite.email))
        if not full_name.strip():
            errors.append("Please tell us your name.")
        if not errors:
            try:
                user = accept_invite(request.dbsession, invite, full_name, password)
            except AccountError as exc:
                errors.append(str(exc))
            else:
                request.dbsession.flush()
                return _sign_in(request, user, request.route_url("customers"))
    return {"mode": "set", "title": f"Join Acme CRM as {invite.email}", "ask_name": True, "errors": errors}


def _partner_claims(settings, assertion):
    """Claims of an assertion minted by the partner portal's SSO gateway."""
    try:
        claims = jwt.decode(assertion, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    if claims.get("iss") != settings["crm.partner.issuer"]:
        return None
    if claims.get("aud") != settings["crm.partner.audience"]:
        return None
    if not claims.get("email"):
        return None
    return claims


@view_config(route_name="partner_sso", request_method="GET", decorator=throttle("partner-sso", limit=30, window=300))
def partner_sso(request):
    claims = _partner_claims(request.registry.settings, request.params.get("assertion", ""))
    if claims is None:
        raise HTTPForbidden()
    user = find_user(request.dbsession, claims["email"])
    if user is None or not user.is_active:
        raise HTTPForbidden()
    log.info("user %s signed in through partner SSO", user.id)
    return _sign_in(request, user, request.route_url("customers"))
