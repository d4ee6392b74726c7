"""Small JSON API used by the mobile app and the door scanners."""
import logging

import jwt
from fastapi import APIRouter, Depends, Header, HTTPException, Request, status
from pydantic import BaseModel, EmailStr

from app.config import settings
from app.deps import api_user
from app.limiter import limiter
from app.repositories import tickets as tickets_repo
from app.security.jwt_tokens import (
    TOKEN_TYPE,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
)
from app.services import auth as auth_service

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["api"])


class TokenRequest(BaseModel):
    email: EmailStr
    password: str


class RefreshRequest(BaseModel):
    refresh_token: str


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = TOKEN_TYPE


class CheckIn(BaseModel):
    code: str


@router.post("/token", response_model=TokenResponse)
async def token(body: TokenRequest):
    result = await auth_service.authenticate(body.email, body.password)
    if result.user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid credentials")
    user_id = result.user["id"]
    logger.info("issued api token for user_id=%s", user_id)
    return TokenResponse(
        access_token=issue_access_token(user_id, ["tickets:read"]),
        refresh_token=issue_refresh_token(user_id),
    )


@router.post("/token/refresh", response_model=TokenResponse)
@limiter.limit("30/hour")
async def refresh(request: Request, body: RefreshRequest):
    try:
        claims = decode_refresh_token(body.refresh_token)
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid refresh token") from None
    user_id = int(claims["sub"])
    return TokenResponse(
        access_token=issue_access_token(user_id, ["tickets:read"]),
        refresh_token=issue_refresh_token(user_id),
    )


@router.get("/me/tickets")
async def my_tickets(user=Depends(api_user)):
    return await tickets_repo.list_for_holder(user["id"])


@router.post("/scanner/check-in")
async def scanner_check_in(body: CheckIn, x_scanner_key: str = Header(...)):
    if x_scanner_key != settings.SCANNER_API_KEY:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Unknown scanner")
    ticket = await tickets_repo.get_by_code(body.code)
    if ticket is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Unknown ticket")
    if ticket["checked_in_at"]:
        return {"status": "already_checked_in", "at": ticket["checked_in_at"]}
    await tickets_repo.check_in(ticket["id"])
    return {"status": "ok"}
