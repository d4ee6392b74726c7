"""Liveness probe and Prometheus metrics."""
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, status
from fastapi.responses import PlainTextResponse

from app.config import get_settings
from app.dependencies import Database

router = APIRouter(tags=["ops"], include_in_schema=False)
settings = get_settings()


@router.get("/healthz")
async def healthz(db: Database):
    await db.command("ping")
    return {"status": "ok"}


@router.get("/metrics", response_class=PlainTextResponse)
async def metrics(db: Database, authorization: Annotated[str | None, Header()] = None):
    if not settings.metrics_token or authorization != f"Bearer {settings.metrics_token}":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "metrics token required")
    lines = []
    for collection in ("users", "events", "rsvps", "messages"):
        count = await db[collection].estimated_document_count()
        lines.append(f'gather_documents_total{{collection="{collection}"}} {count}')
    return "\n".join(lines) + "\n"
