"""Login, logout, registration, e-mail verification and password resets."""
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi_limiter.depends import RateLimiter
from pydantic import ValidationError

from app.dependencies import CurrentUser, OptionalUser, get_account_service, get_auth_service
from app.schemas import PasswordResetForm, RegistrationForm
from app.security.cookies import REFRESH_TOKEN_COOKIE, clear_session_cookies, set_session_cookies
from app.security.csrf import csrf_protect
from app.services.accounts import AccountError, AccountService
from app.services.auth import AuthService
from app.templating import templates
from app.utils import safe_next_url

router = APIRouter(tags=["auth"], dependencies=[Depends(csrf_protect)])

Accounts = Annotated[AccountService, Depends(get_account_service)]
Auth = Annotated[AuthService, Depends(get_auth_service)]


def _error_messages(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return [error["msg"].removeprefix("Value error, ") for error in exc.errors()]
    return [str(exc)]


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, user: OptionalUser, next: str = "/"):
    if user is not None:
        return RedirectResponse(safe_next_url(next), status_code=status.HTTP_303_SEE_OTHER)
    return templates.TemplateResponse(request, "auth/login.html", {"next": safe_next_url(next)})


@router.post("/login", dependencies=[Depends(RateLimiter(times=5, minutes=1))])
async def login(
    request: Request,
    auth: Auth,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
):
    user = await auth.authenticate(email, password)
    if user is None:
        context = {"error": "Invalid e-mail or password.", "email": email, "next": safe_next_url(next)}
        return templates.TemplateResponse(request, "auth/login.html", context, status_code=400)
    access_token, refresh_token = auth.issue_session(user)
    response = RedirectResponse(safe_next_url(next), status_code=status.HTTP_303_SEE_OTHER)
    set_session_cookies(response, access_token, refresh_token)
    return response


@router.post("/logout")
async def logout():
    response = RedirectResponse("/", status_code=status.HTTP_303_SEE_OTHER)
    clear_session_cookies(response)
    return response


@router.post("/auth/refresh")
async def refresh_session(request: Request, auth: Auth):
    token = request.cookies.get(REFRESH_TOKEN_COOKIE)
    user = await auth.user_from_refresh_token(token) if token else None
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Session expired")
    access_token, refresh_token = auth.issue_session(user)
    response = JSONResponse({"ok": True})
    set_session_cookies(response, access_token, refresh_token)
    return response


@router.get("/register", response_class=HTMLResponse)
async def register_page(request: Request):
    return templates.TemplateResponse(request, "auth/register.html", {"errors": []})


@router.post("/register")
async def register(
    request: Request,
    background: BackgroundTasks,
    accounts: Accounts,
    email: Annotated[str, Form()],
    display_name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    password_confirm: Annotated[str, Form()],
):
    try:
        form = RegistrationForm(email=email, display_name=display_name, password=password, password_confirm=password_confirm)
        await accounts.register(form, background)
    except (ValidationError, AccountError) as exc:
        context = {"errors": _error_messages(exc), "email": email, "display_name": display_name}
        return templates.TemplateResponse(request, "auth/register.html", context, status_code=400)
    message = f"We sent a confirmation link to {form.email}. It is valid for 48 hours."
    return templates.TemplateResponse(request, "auth/message.html", {"title": "Check your inbox", "message": message})


@router.get("/verify-email", response_class=HTMLResponse)
async def verify_email(request: Request, accounts: Accounts, code: Annotated[str, Query(min_length=16, max_length=128)]):
    if await accounts.verify_email(code):
        context = {"title": "E-mail confirmed", "message": "Thanks! Your address is confirmed and you can create events."}
    else:
        context = {"title": "Link expired", "message": "This confirmation link is invalid or has already been used."}
    return templates.TemplateResponse(request, "auth/message.html", context)


@router.post("/verify-email/resend", dependencies=[Depends(RateLimiter(times=3, hours=1))])
async def resend_verification(background: BackgroundTasks, user: CurrentUser, accounts: Accounts):
    await accounts.resend_verification(user, background)
    return RedirectResponse("/account?resent=1", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/forgot-password", response_class=HTMLResponse)
async def forgot_password_page(request: Request):
    return templates.TemplateResponse(request, "auth/forgot_password.html", {"sent": False})


@router.post("/forgot-password")
async def forgot_password(request: Request, background: BackgroundTasks, accounts: Accounts, email: Annotated[str, Form()]):
    await accounts.request_password_reset(email, background)
    return templates.TemplateResponse(request, "auth/forgot_password.html", {"sent": True})


@router.get("/reset-password", response_class=HTMLResponse)
async def reset_password_page(request: Request, token: str):
    return templates.TemplateResponse(request, "auth/reset_password.html", {"token": token, "errors": []})


@router.post("/reset-password")
async def reset_password(
    request: Request,
    accounts: Accounts,
    token: Annotated[str, Form()],
    password: Annotated[str, Form()],
    password_confirm: Annotated[str, Form()],
):
    try:
        form = PasswordResetForm(token=token, password=password, password_confirm=password_confirm)
    except ValidationError as exc:
        context = {"token": token, "errors": _error_messages(exc)}
        return templates.TemplateResponse(request, "auth/reset_password.html", context, status_code=400)
    if not await accounts.reset_password(form.token, form.password):
        context = {"token": token, "errors": ["This reset link is invalid. Request a new one."]}
        return templates.TemplateResponse(request, "auth/reset_password.html", context, status_code=400)
    response = RedirectResponse("/login?reset=1", status_code=status.HTTP_303_SEE_OTHER)
    clear_session_cookies(response)
    return response
