"""Token endpoints for machine clients."""

from fastapi import APIRouter, HTTPException, Request, status

from devportal.config import get_settings
from devportal.deps import SessionDep
from devportal.limiter import limiter
from devportal.repositories import api_keys as api_keys_repo
from devportal.repositories import users as users_repo
from devportal.schemas import PartnerAssertionRequest, RefreshRequest, TokenPair, TokenRequest
from devportal.security.tokens import (
    PARTNERS,
    TokenError,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
    verify_partner_assertion,
)
from devportal.services import keys as keys_service

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

PARTNER_SCOPES = ["keys:read", "usage:read"]


def _token_pair(subject: str, scopes: list[str], org_id: int) -> TokenPair:
    return TokenPair(
        access_token=issue_access_token(subject, scopes, org_id),
        refresh_token=issue_refresh_token(subject, org_id),
        expires_in=get_settings().access_token_ttl_minutes * 60,
    )


@router.post("/token", response_model=TokenPair)
async def exchange_api_key(body: TokenRequest, session: SessionDep) -> TokenPair:
    """Exchange an API key for an access/refresh token pair."""
    key = await keys_service.authenticate(session, body.api_key)
    if key is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid API key")
    return _token_pair(f"key:{key.id}", key.scopes, key.org_id)


@router.post("/refresh", response_model=TokenPair)
@limiter.limit("30/minute")
async def refresh_tokens(request: Request, body: RefreshRequest, session: SessionDep) -> TokenPair:
    try:
        claims = decode_refresh_token(body.refresh_token)
    except TokenError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid refresh token") from None
    subject = str(claims["sub"])
    key = await api_keys_repo.get(session, int(subject.removeprefix("key:"))) if subject.startswith("key:") else None
    if key is None or not key.is_active:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid refresh token")
    return _token_pair(subject, key.scopes, key.org_id)


@router.post("/partner", response_model=TokenPair)
@limiter.limit("30/minute")
async def partner_exchange(request: Request, body: PartnerAssertionRequest, session: SessionDep) -> TokenPair:
    """JWT-bearer exchange for organisations provisioned through a cloud marketplace."""
    partner = PARTNERS.get(body.partner)
    if partner is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Unknown partner")
    try:
        claims = await verify_partner_assertion(body.assertion, partner)
    except TokenError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Assertion rejected") from None
    org = await users_repo.get_org_by_slug(session, f"{body.partner}-{claims.get('tenant', '')}")
    if org is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No organisation is linked to this marketplace account")
    return _token_pair(f"partner:{body.partner}:{claims['sub']}", PARTNER_SCOPES, org.id)
