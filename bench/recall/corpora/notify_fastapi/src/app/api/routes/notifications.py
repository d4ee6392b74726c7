from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query
from sqlalchemy import select

from app.api.deps import ApiClientDep, DbSession
from app.models import DeliveryLog, MessageTemplate
from app.schemas import NotificationAccepted, NotificationCreate
from app.services import deliveries, notifications

router = APIRouter(prefix="/notifications", tags=["notifications"])


@router.post("/", response_model=NotificationAccepted, status_code=202)
async def send_notification(
    session: DbSession, client: ApiClientDep, body: NotificationCreate, background_tasks: BackgroundTasks
) -> NotificationAccepted:
    template_id = None
    if body.channel != "webhook":
        if not body.template or not body.recipient:
            raise HTTPException(status_code=422, detail="template and recipient are required")
        template_id = await session.scalar(
            select(MessageTemplate.id).where(
                MessageTemplate.client_id == client.id, MessageTemplate.name == body.template
            )
        )
        if template_id is None:
            raise HTTPException(status_code=404, detail="Unknown template")
    log = DeliveryLog(
        client_id=client.id,
        channel=body.channel,
        event=body.event,
        recipient=body.recipient,
        template_id=template_id,
        payload=body.data,
    )
    session.add(log)
    await session.commit()
    background_tasks.add_task(notifications.dispatch, log.id)
    return NotificationAccepted(id=log.id, status=log.status)


@router.get("/deliveries")
async def list_deliveries(
    session: DbSession,
    client: ApiClientDep,
    status: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[dict[str, Any]]:
    return await deliveries.list_for_client(session, client.id, status=status, limit=limit)


@router.get("/stats")
async def delivery_stats(
    session: DbSession, client: ApiClientDep, days: Annotated[int, Query(ge=1, le=90)] = 7
) -> dict[str, int]:
    return await deliveries.status_counts(session, client.id, days=days)
