"""Webhook endpoints: inbound payment events and partner subscription management."""
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, status
from pydantic import BaseModel, HttpUrl

from app.api.deps import SessionDep, TenantDep, require_admin
from app.core.logging import get_logger
from app.models import Enrolment, User, WebhookEndpoint
from app.services import webhook_service

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
log = get_logger(__name__)


class EndpointIn(BaseModel):
    url: HttpUrl
    events: list[str] = ["enrolment.created", "enrolment.completed"]


@router.post("/endpoints", status_code=status.HTTP_201_CREATED)
def register_endpoint(
    payload: EndpointIn,
    session: SessionDep,
    tenant: TenantDep,
    admin: Annotated[User, Depends(require_admin)],
):
    secret = webhook_service.new_endpoint_secret()
    endpoint = WebhookEndpoint(
        tenant_id=tenant.id, url=str(payload.url), secret=secret, events=",".join(payload.events)
    )
    session.add(endpoint)
    session.commit()
    return {"id": endpoint.id, "secret": secret}


@router.post("/payments/{endpoint_id}")
async def payment_event(
    endpoint_id: int,
    request: Request,
    session: SessionDep,
    x_signature: Annotated[str, Header()],
    x_timestamp: Annotated[int, Header()],
):
    raw = await request.body()
    log.info("payment_webhook_received", endpoint_id=endpoint_id, headers=dict(request.headers))

    endpoint = session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or not webhook_service.verify_signature(endpoint.secret, raw, x_timestamp, x_signature):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Bad signature")

    event = json.loads(raw)
    if event.get("type") == "checkout.completed":
        meta = event["data"]["metadata"]
        session.add(
            Enrolment(
                tenant_id=endpoint.tenant_id,
                user_id=int(meta["user_id"]),
                course_id=int(meta["course_id"]),
                source="checkout",
            )
        )
        session.commit()
    return {"received": True}
