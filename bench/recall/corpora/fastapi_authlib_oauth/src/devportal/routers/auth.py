"""Browser sign-in through GitHub / Google (Authlib) and sign-out."""

import structlog
from authlib.integrations.starlette_client import OAuthError
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from devportal.config import get_settings
from devportal.deps import SessionDep
from devportal.limiter import limiter
from devportal.oauth import UnverifiedEmail, enabled_providers, fetch_profile, get_client
from devportal.repositories import users as users_repo
from devportal.security.csrf import csrf_protect
from devportal.security.tokens import issue_access_token
from devportal.templating import templates

router = APIRouter(include_in_schema=False)
log = structlog.get_logger(__name__)

ACCESS_COOKIE = "dp_access"
DASHBOARD_SCOPES = ["keys:read", "usage:read"]


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, error: str | None = None) -> Response:
    return templates.TemplateResponse(request, "login.html", {"providers": enabled_providers(), "error": error})


@router.get("/auth/login/{provider}")
@limiter.limit("20/minute")
async def oauth_login(request: Request, provider: str) -> Response:
    client = get_client(provider)
    redirect_uri = request.url_for("oauth_callback", provider=provider)
    return await client.authorize_redirect(request, str(redirect_uri))


@router.get("/auth/callback/{provider}", name="oauth_callback")
@limiter.limit("20/minute")
async def oauth_callback(request: Request, provider: str, session: SessionDep) -> Response:
    client = get_client(provider)
    try:
        token = await client.authorize_access_token(request)
        profile = await fetch_profile(provider, client, token)
    except OAuthError as exc:
        log.warning("oauth.callback_failed", provider=provider, error=exc.error)
        return RedirectResponse("/login?error=oauth", status_code=303)
    except UnverifiedEmail:
        return RedirectResponse("/login?error=unverified", status_code=303)
    log.info("oauth.signed_in", provider=provider, token_type=token.get("token_type"), scope=token.get("scope"))

    user = await users_repo.upsert_oauth_user(session, profile)
    request.session.clear()
    request.session["user_id"] = user.id

    response = RedirectResponse("/dashboard", status_code=303)
    if user.memberships:
        # The usage page's charts call the JSON API with this token.
        access_token = issue_access_token(f"user:{user.id}", DASHBOARD_SCOPES, user.memberships[0].org_id)
        response.set_cookie(ACCESS_COOKIE, access_token, max_age=get_settings().access_token_ttl_minutes * 60)
    return response


@router.post("/logout", dependencies=[Depends(csrf_protect)])
async def logout(request: Request) -> Response:
    request.session.clear()
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(ACCESS_COOKIE)
    return response
