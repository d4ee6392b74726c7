"""Authlib OAuth clients for GitHub and Google sign-in."""

from typing import Any

from authlib.integrations.starlette_client import OAuth, StarletteOAuth2App
from fastapi import HTTPException, status

from devportal.config import get_settings
from devportal.repositories.users import OAuthProfile

settings = get_settings()
oauth = OAuth()

oauth.register(
    name="github",
    client_id=settings.github_client_id,
    client_secret=settings.github_client_secret.get_secret_value(),
    access_token_url="https://github.com/login/oauth/access_token",
    authorize_url="https://github.com/login/oauth/authorize",
    api_base_url="https://api.github.com/",
    client_kwargs={"scope": "read:user user:email"},
)

if settings.google_client_id:
    oauth.register(
        name="google",
        client_id=settings.google_client_id,
        client_secret=settings.google_client_secret.get_secret_value(),
        server_metadata_url="https://accounts.google.com/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile"},
    )


class UnverifiedEmail(Exception):
    pass


def enabled_providers() -> list[str]:
    return ["github", "google"] if settings.google_client_id else ["github"]


def get_client(provider: str) -> StarletteOAuth2App:
    client = oauth.create_client(provider) if provider in enabled_providers() else None
    if client is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Unknown sign-in provider")
    return client


async def _github_primary_email(client: StarletteOAuth2App, token: dict[str, Any]) -> str:
    resp = await client.get("user/emails", token=token)
    resp.raise_for_status()
    for entry in resp.json():
        if entry.get("primary") and entry.get("verified"):
            return entry["email"]
    raise UnverifiedEmail("GitHub account has no verified primary e-mail address")


async def fetch_profile(provider: str, client: StarletteOAuth2App, token: dict[str, Any]) -> OAuthProfile:
    if provider == "github":
        resp = await client.get("user", token=token)
        resp.raise_for_status()
        data = resp.json()
        return OAuthProfile(
            provider="github",
            subject=str(data["id"]),
            email=await _github_primary_email(client, token),
            name=data.get("name"),
            login=data.get("login"),
            avatar_url=data.get("avatar_url"),
        )

    userinfo = token.get("userinfo") or await client.userinfo(token=token)
    if not userinfo.get("email_verified"):
        raise UnverifiedEmail("Google account e-mail is not verified")
    return OAuthProfile(
        provider="google",
        subject=userinfo["sub"],
        email=userinfo["email"],
        name=userinfo.get("name"),
        login=None,
        avatar_url=userinfo.get("picture"),
    )
