import logging

import httpx
from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from app.api.deps import ApiClientDep, DbSession
from app.models import WebhookSubscription
from app.schemas import Message, WebhookCreate, WebhookCreated, WebhookPublic
from app.services import webhooks as webhook_service

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


async def _get_subscription(session: DbSession, client: ApiClientDep, sub_id: int) -> WebhookSubscription:
    sub = await session.get(WebhookSubscription, sub_id)
    if sub is None or sub.client_id != client.id:
        raise HTTPException(status_code=404, detail="Subscription not found")
    return sub


@router.get("/", response_model=list[WebhookPublic])
async def list_subscriptions(session: DbSession, client: ApiClientDep) -> list[WebhookSubscription]:
    stmt = select(WebhookSubscription).where(WebhookSubscription.client_id == client.id)
    return list((await session.scalars(stmt)).all())


@router.post("/", response_model=WebhookCreated, status_code=201)
async def create_subscription(session: DbSession, client: ApiClientDep, body: WebhookCreate) -> WebhookSubscription:
    sub = WebhookSubscription(client_id=client.id, url=str(body.url), event_types=body.event_types)
    session.add(sub)
    await session.commit()
    await session.refresh(sub)
    return sub


@router.delete("/{sub_id}")
async def delete_subscription(session: DbSession, client: ApiClientDep, sub_id: int) -> Message:
    sub = await _get_subscription(session, client, sub_id)
    await session.delete(sub)
    await session.commit()
    return Message(message="Subscription deleted")


@router.post("/{sub_id}/test")
async def send_test_event(session: DbSession, client: ApiClientDep, sub_id: int) -> dict[str, int]:
    sub = await _get_subscription(session, client, sub_id)
    try:
        response = await webhook_service.deliver(sub, "notify.test", {"message": "Hello from Notify"})
    except httpx.HTTPStatusError as exc:
        raise HTTPException(status_code=502, detail=f"Endpoint answered HTTP {exc.response.status_code}")
    except httpx.HTTPError:
        logger.exception("Test delivery for subscription %s failed", sub.id)
        raise HTTPException(status_code=502, detail="Endpoint could not be reached")
    return {"status_code": response.status_code}
