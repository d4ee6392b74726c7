import json
import logging

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request, status

from app.api.deps import IngestKey, PoolDep
from app.core.config import settings
from app.core.limiter import api_key_or_ip, limiter
from app.schemas.ingest import IngestBatch, IngestEvent, IngestResult
from app.services import api_keys, rollups
from app.utils.ids import short_id
from app.utils.timeutil import utcnow

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/v1", tags=["ingest"])

INSERT_EVENTS = (
    "INSERT INTO events (project_id, name, distinct_id, ts, properties) "
    "VALUES ($1, $2, $3, $4, $5::jsonb)"
)


def _rows(project_id: int, events: list[IngestEvent]) -> list[tuple]:
    now = utcnow()
    return [
        (
            project_id,
            ev.event,
            ev.distinct_id,
            ev.timestamp or now,
            json.dumps(ev.properties, default=str),
        )
        for ev in events
    ]


async def _store(
    pool, key, events: list[IngestEvent], background_tasks: BackgroundTasks
) -> int:
    rows = _rows(key.project_id, events)
    async with pool.acquire() as conn:
        await conn.executemany(INSERT_EVENTS, rows)
    background_tasks.add_task(
        rollups.record_event_names, pool, key.project_id, [ev.event for ev in events]
    )
    background_tasks.add_task(api_keys.touch, key.id)
    return len(rows)


@router.post("/batch", response_model=IngestResult, status_code=status.HTTP_202_ACCEPTED)
@limiter.limit("1200/minute", key_func=api_key_or_ip)
async def ingest_batch(
    request: Request,
    batch: IngestBatch,
    key: IngestKey,
    pool: PoolDep,
    background_tasks: BackgroundTasks,
) -> IngestResult:
    if len(batch.events) > settings.max_batch_size:
        raise HTTPException(
            status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
            f"Batches are limited to {settings.max_batch_size} events",
        )
    batch_id = short_id(10)
    accepted = await _store(pool, key, batch.events, background_tasks)
    logger.info(
        "batch %s: accepted %d events for key %s (sdk=%s)",
        batch_id,
        accepted,
        key.prefix,
        batch.sdk or "unknown",
    )
    return IngestResult(accepted=accepted, batch_id=batch_id)


@router.post("/capture", response_model=IngestResult, status_code=status.HTTP_202_ACCEPTED)
@limiter.limit("1200/minute", key_func=api_key_or_ip)
async def capture(
    request: Request,
    event: IngestEvent,
    key: IngestKey,
    pool: PoolDep,
    background_tasks: BackgroundTasks,
) -> IngestResult:
    accepted = await _store(pool, key, [event], background_tasks)
    return IngestResult(accepted=accepted, batch_id=short_id(10))
