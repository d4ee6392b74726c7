"""Token endpoints for staff users and integrations."""
import logging

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from billing.db import get_conn
from billing.security.deps import Principal, require_scope
from billing.security.passwords import verify_staff_password
from billing.security.tokens import create_access_token, create_service_token
from billing.services.api_keys import issue_api_key

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/auth", tags=["auth"])


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"


class ServiceTokenRequest(BaseModel):
    client_id: str


class ApiKeyRequest(BaseModel):
    label: str


async def _load_staff(conn: AsyncConnection, email: str) -> dict | None:
    result = await conn.execute(
        text(
            "SELECT id, email, tenant_id, password_hash, scopes, is_active"
            " FROM staff_users WHERE email = :email"
        ),
        {"email": email.lower()},
    )
    row = result.mappings().first()
    return dict(row) if row else None


@router.post("/token", response_model=TokenResponse)
async def issue_token(
    form: OAuth2PasswordRequestForm = Depends(),
    conn: AsyncConnection = Depends(get_conn),
) -> TokenResponse:
    user = await _load_staff(conn, form.username)
    if user is None or not user["is_active"] or not verify_staff_password(form.password, user["password_hash"]):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Incorrect email or password")
    token = create_access_token(str(user["id"]), user["tenant_id"], user["scopes"].split(","))
    logger.info("issued access token for %s: %s", user["email"], token)
    return TokenResponse(access_token=token)


@router.post("/service-tokens", response_model=TokenResponse)
async def issue_integration_token(
    body: ServiceTokenRequest,
    principal: Principal = Depends(require_scope("admin")),
) -> TokenResponse:
    token = create_service_token(body.client_id, principal.tenant_id)
    logger.info("service token issued for client %s by %s", body.client_id, principal.subject)
    return TokenResponse(access_token=token)


@router.post("/api-keys", status_code=201)
async def create_api_key(
    body: ApiKeyRequest,
    principal: Principal = Depends(require_scope("admin")),
    conn: AsyncConnection = Depends(get_conn),
) -> dict:
    issued = await issue_api_key(conn, principal.tenant_id, body.label)
    return {"id": issued.key_id, "api_key": issued.plaintext, "note": "Store this key now; it is shown once."}
