import logging

from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import RedirectResponse

from app.config import settings
from app.deps import DbSession, limiter
from app.security import flash, login_session
from app.services import auth as auth_service

logger = logging.getLogger("app.sso")

router = APIRouter(prefix="/auth/sso", tags=["sso"], include_in_schema=False)

# Okta single sign-on for managers (OpenID Connect, authorization code flow + PKCE).
oauth = OAuth()
oauth.register(
    name="okta",
    server_metadata_url=settings.sso_metadata_url,
    client_id=settings.sso_client_id,
    client_secret=settings.sso_client_secret.get_secret_value(),
    client_kwargs={"scope": "openid email profile", "code_challenge_method": "S256"},
)


def okta_client():
    return oauth.create_client("okta")


@router.get("/login")
@limiter.limit("20/minute")
async def sso_login(request: Request):
    if not settings.sso_enabled:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    redirect_uri = request.url_for("sso_callback")
    return await okta_client().authorize_redirect(request, str(redirect_uri))


@router.get("/callback", name="sso_callback")
@limiter.limit("20/minute")
async def sso_callback(request: Request, db: DbSession):
    try:
        token = await okta_client().authorize_access_token(request)
    except OAuthError as exc:
        logger.warning("SSO callback rejected: %s", exc.error)
        flash(request, "Single sign-on failed. Please try again.", "error")
        return RedirectResponse("/ui/login", status_code=status.HTTP_303_SEE_OTHER)

    userinfo = token.get("userinfo") or {}
    subject, email = userinfo.get("sub"), userinfo.get("email")
    if not subject or not email or not userinfo.get("email_verified", False):
        flash(request, "Your Okta profile has no verified e-mail address.", "error")
        return RedirectResponse("/ui/login", status_code=status.HTTP_303_SEE_OTHER)

    user = auth_service.get_or_link_sso_user(db, subject=subject, email=email)
    if user is None or not user.is_manager:
        logger.info("SSO login refused for subject %s", subject)
        flash(request, "Your account does not have access to the manager portal.", "error")
        return RedirectResponse("/ui/login", status_code=status.HTTP_303_SEE_OTHER)

    login_session(request, user)
    return RedirectResponse("/ui/dashboard", status_code=status.HTTP_303_SEE_OTHER)
