import logging

from pyramid.httpexceptions import HTTPNotFound, HTTPSeeOther
from pyramid.view import view_config

from crm.services.passwords import password_problems
from crm.services.portal import (
    PortalError,
    authenticate,
    find_account,
    register_account,
    send_verification,
    verify_account,
)
from crm.services.throttle import throttle
from crm.utils import normalize_email

log = logging.getLogger(__name__)

REGISTER_TEMPLATE = "crm:templates/portal/register.jinja2"


@view_config(route_name="portal_register", request_method="GET", renderer=REGISTER_TEMPLATE)
def register_form(request):
    return {"form": {}, "errors": [], "registered": False}


@view_config(route_name="portal_register", request_method="POST", renderer=REGISTER_TEMPLATE)
def register(request):
    form = request.POST
    email = normalize_email(form.get("email"))
    password = form.get("password", "")
    errors = []
    if "@" not in email:
        errors.append("Please enter a valid e-mail address.")
    if password != form.get("password_confirm", ""):
        errors.append("The two passwords do not match.")
    errors.extend(password_problems(password, email))
    if not errors:
        try:
            account = register_account(request.dbsession, email, password, form.get("customer_code", ""))
        except PortalError as exc:
            errors.append(str(exc))
        else:
            send_verification(request, account)
            return {"form": {}, "errors": [], "registered": True}
    return {"form": {"email": email, "customer_code": form.get("customer_code", "")}, "errors": errors, "registered": False}


@view_config(route_name="portal_resend", request_method="POST", renderer="json")
def resend_verification(request):
    account = find_account(request.dbsession, request.POST.get("email", ""))
    if account is not None and account.verified_at is None:
        send_verification(request, account)
    return {"status": "ok"}


@view_config(route_name="portal_verify", request_method="GET")
def verify(request):
    account = verify_account(request.dbsession, request.matchdict["token"])
    if account is None:
        raise HTTPNotFound("This confirmation link is invalid or was already used.")
    request.session.flash("Your e-mail address is confirmed. You can sign in now.")
    return HTTPSeeOther(request.route_url("portal_login"))


@view_config(
    route_name="portal_login",
    request_method="POST",
    renderer="json",
    decorator=throttle("portal-login", limit=10, window=300),
)
def portal_login(request):
    account = authenticate(request.dbsession, request.POST.get("email", ""), request.POST.get("password", ""))
    if account is None:
        request.response.status = 401
        return {"status": "error", "message": "Unknown e-mail address or wrong password."}
    request.session["portal_account_id"] = account.id
    request.session["portal_customer_id"] = account.customer_id
    return {"status": "ok", "redirect": request.registry.settings.get("crm.portal_url", "/portal/")}
