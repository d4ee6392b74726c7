"""Pull API used by the Ledgerly bookkeeping integration (authenticated with an API key)."""
import uuid
from datetime import datetime

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.integrations import organization_from_api_key
from app.core.rate_limit import limiter
from app.db import get_async_session
from app.models import Invoice
from app.schemas import InvoiceRead

router = APIRouter(prefix="/ledger", tags=["ledger"])


@router.get("/invoices", response_model=list[InvoiceRead])
@limiter.limit("120/minute")
async def invoices_since(
    request: Request,
    updated_since: datetime | None = None,
    limit: int = Query(200, ge=1, le=500),
    organization_id: uuid.UUID = Depends(organization_from_api_key),
    session: AsyncSession = Depends(get_async_session),
) -> list[InvoiceRead]:
    stmt = select(Invoice).where(Invoice.organization_id == organization_id, Invoice.status != "draft")
    if updated_since is not None:
        stmt = stmt.where(Invoice.created_at >= updated_since)
    result = await session.scalars(stmt.order_by(Invoice.created_at).limit(limit))
    return [InvoiceRead.model_validate(invoice) for invoice in result]
