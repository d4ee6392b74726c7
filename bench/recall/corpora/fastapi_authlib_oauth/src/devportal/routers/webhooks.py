"""Inbound webhooks from GitHub."""

import hashlib
import hmac
import json
from typing import Annotated

import structlog
from fastapi import APIRouter, Header, HTTPException, Request, status

from devportal.config import get_settings
from devportal.deps import SessionDep
from devportal.repositories import users as users_repo

router = APIRouter(prefix="/webhooks", include_in_schema=False)
log = structlog.get_logger(__name__)


def verify_github_signature(secret: bytes, body: bytes, signature_header: str | None) -> bool:
    if not signature_header or not signature_header.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature_header)


@router.post("/github")
async def github_webhook(
    request: Request,
    session: SessionDep,
    x_github_event: Annotated[str, Header()],
    x_hub_signature_256: Annotated[str | None, Header()] = None,
) -> dict[str, bool]:
    body = await request.body()
    secret = get_settings().github_webhook_secret.get_secret_value().encode()
    if not verify_github_signature(secret, body, x_hub_signature_256):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid signature")
    payload = json.loads(body)
    if x_github_event == "github_app_authorization" and payload.get("action") == "revoked":
        await users_repo.deactivate_by_github_id(session, int(payload["sender"]["id"]))
    log.info("github.webhook", event=x_github_event, delivery=request.headers.get("x-github-delivery"))
    return {"ok": True}
