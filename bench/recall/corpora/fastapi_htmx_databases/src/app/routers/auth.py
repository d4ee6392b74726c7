import logging

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse

from app.deps import SESSION_USER_KEY, current_user_optional
from app.limiter import limiter
from app.security.oauth import oauth
from app.services import auth as auth_service
from app.templating import templates

logger = logging.getLogger(__name__)
router = APIRouter(tags=["auth"])


def _safe_next(next_url: str | None) -> str:
    if next_url and next_url.startswith("/") and not next_url.startswith("//"):
        return next_url
    return "/"


def _start_session(request: Request, user: dict) -> None:
    request.session.clear()
    request.session[SESSION_USER_KEY] = user["id"]


@router.get("/login")
async def login_page(request: Request, next: str | None = None):
    return templates.TemplateResponse(request, "auth/login.html", {"next": next})


@router.post("/login")
@limiter.limit("5/minute")
async def login(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    next: str | None = Form(None),
):
    result = await auth_service.authenticate(email, password)
    if result.user is None:
        return templates.TemplateResponse(
            request, "auth/login.html", {"error": result.reason, "email": email}, status_code=400
        )
    _start_session(request, result.user)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
async def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/", status_code=303)


@router.get("/register")
async def register_page(request: Request, user=Depends(current_user_optional)):
    if user:
        return RedirectResponse("/", status_code=303)
    return templates.TemplateResponse(request, "auth/register.html", {})


@router.post("/register")
async def register(
    request: Request,
    email: str = Form(...),
    display_name: str = Form(...),
    password: str = Form(...),
):
    try:
        user_id = await auth_service.register(email.strip(), display_name.strip(), password)
    except auth_service.RegistrationError as exc:
        return templates.TemplateResponse(
            request, "auth/register.html", {"error": str(exc), "email": email}, status_code=400
        )
    _start_session(request, {"id": user_id})
    return RedirectResponse("/", status_code=303)


@router.get("/password/forgot")
async def forgot_page(request: Request):
    return templates.TemplateResponse(request, "auth/forgot.html", {})


@router.post("/password/forgot")
async def forgot(request: Request, email: str = Form(...)):
    await auth_service.start_password_reset(email.strip(), str(request.base_url))
    return templates.TemplateResponse(request, "auth/forgot.html", {"sent": True})


@router.post("/password/reset/{token}")
@limiter.limit("10/hour")
async def reset(request: Request, token: str, password: str = Form(...)):
    if len(password) < 10 or not await auth_service.finish_password_reset(token, password):
        return templates.TemplateResponse(
            request, "auth/forgot.html", {"error": "That link has expired."}, status_code=400
        )
    return RedirectResponse("/login", status_code=303)


@router.get("/auth/google")
async def google_login(request: Request):
    redirect_uri = request.url_for("google_callback")
    return await oauth.google.authorize_redirect(request, redirect_uri)


@router.get("/auth/google/callback", name="google_callback")
async def google_callback(request: Request):
    token = await oauth.google.authorize_access_token(request)
    logger.debug("google token response: %s", token)
    userinfo = token.get("userinfo") or await oauth.google.userinfo(token=token)
    user = await auth_service.login_with_google(dict(userinfo))
    _start_session(request, user)
    return RedirectResponse("/", status_code=303)
