import logging

from email_validator import EmailNotValidError, validate_email
from starlette.requests import Request
from starlette.responses import RedirectResponse

from bookings import config
from bookings.auth import tokens
from bookings.auth.passwords import password_problems
from bookings.limiter import limiter
from bookings.services import mailer
from bookings.services import users as user_service
from bookings.templating import templates

logger = logging.getLogger(__name__)


def _safe_next(value: str) -> str:
    if value and value.startswith("/") and not value.startswith("//"):
        return value
    return "/bookings"


def _login_session(request: Request, user) -> None:
    request.session.clear()
    request.session["user_id"] = user["id"]


@limiter.limit("5/minute")
async def login(request: Request):
    next_url = _safe_next(request.query_params.get("next", ""))
    if request.method == "GET":
        if request.user.is_authenticated:
            return RedirectResponse(next_url, status_code=303)
        return templates.TemplateResponse(request, "auth/login.html", {"next": next_url})

    form = await request.form()
    email = form.get("email", "").strip()
    user = await user_service.authenticate(email, form.get("password", ""))
    if user is None:
        logger.info("failed login for %s from %s", email, request.client.host)
        return templates.TemplateResponse(
            request,
            "auth/login.html",
            {"next": next_url, "email": email, "error": "Wrong e-mail address or password."},
            status_code=400,
        )

    _login_session(request, user)
    logger.info("user %s logged in", user["id"])
    response = RedirectResponse(next_url, status_code=303)
    if form.get("remember"):
        token = await user_service.create_remember_token(user["id"], config.REMEMBER_MAX_AGE)
        response.set_cookie(config.REMEMBER_COOKIE, token, max_age=config.REMEMBER_MAX_AGE, path="/")
    return response


async def logout(request: Request):
    if request.user.is_authenticated:
        await user_service.forget_remember_tokens(request.user.id)
    request.session.clear()
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(config.REMEMBER_COOKIE)
    return response


@limiter.limit("3/hour")
async def register(request: Request):
    if request.method == "GET":
        return templates.TemplateResponse(request, "auth/register.html", {})

    form = await request.form()
    errors = []
    try:
        email = validate_email(form.get("email", ""), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        email = form.get("email", "")
        errors.append(str(exc))
    display_name = form.get("display_name", "").strip()
    if not display_name:
        errors.append("Please tell us your name.")
    password = form.get("password", "")
    errors.extend(password_problems(password, email))
    if password != form.get("password_confirm"):
        errors.append("The passwords don't match.")
    if not errors and await user_service.get_user_by_email(email):
        errors.append("An account with that e-mail address already exists.")

    if errors:
        return templates.TemplateResponse(
            request,
            "auth/register.html",
            {"errors": errors, "email": email, "display_name": display_name},
            status_code=400,
        )

    user_id = await user_service.create_user(email, display_name, password)
    user = await user_service.get_active_user(user_id)
    await mailer.send_verification(email, display_name, user["verify_token"])
    _login_session(request, user)
    return RedirectResponse("/rooms?welcome=1", status_code=303)


async def verify_email(request: Request):
    ok = await user_service.verify_email(request.query_params.get("token", ""))
    return templates.TemplateResponse(request, "auth/verified.html", {"ok": ok})


async def forgot_password(request: Request):
    if request.method == "GET":
        return templates.TemplateResponse(request, "auth/forgot.html", {})

    form = await request.form()
    user = await user_service.get_user_by_email(form.get("email", ""))
    if user is not None and user["is_active"]:
        code = await user_service.start_password_reset(user["id"])
        await mailer.send_password_reset(user, code)
    # Same answer either way so the form can't be used to probe for accounts.
    return templates.TemplateResponse(request, "auth/forgot.html", {"sent": True})


async def reset_password(request: Request):
    code = request.path_params["code"]
    if request.method == "GET":
        return templates.TemplateResponse(request, "auth/reset.html", {"code": code})

    form = await request.form()
    password = form.get("password", "")
    errors = password_problems(password)
    if password != form.get("password_confirm"):
        errors.append("The passwords don't match.")
    if not errors and not await user_service.finish_password_reset(code, password):
        errors.append("This reset link has expired or was already used.")
    if errors:
        return templates.TemplateResponse(
            request, "auth/reset.html", {"code": code, "errors": errors}, status_code=400
        )
    return RedirectResponse("/login?reset=1", status_code=303)


@limiter.limit("3/15minutes")
async def request_login_link(request: Request):
    form = await request.form()
    user = await user_service.get_user_by_email(form.get("email", ""))
    if user is not None and user["is_active"]:
        await mailer.send_login_link(user, tokens.issue_login_link_token(user))
    return templates.TemplateResponse(request, "auth/login.html", {"link_sent": True})


async def consume_login_link(request: Request):
    try:
        claims = tokens.decode_login_link_token(request.query_params.get("token", ""))
    except tokens.TokenError:
        return templates.TemplateResponse(
            request, "auth/login.html", {"error": "That sign-in link is not valid."}, status_code=400
        )
    user = await user_service.get_active_user(int(claims["sub"]))
    if user is None:
        return RedirectResponse("/login", status_code=303)
    _login_session(request, user)
    return RedirectResponse("/bookings", status_code=303)
