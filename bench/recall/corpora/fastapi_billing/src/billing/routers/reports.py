"""Reporting endpoints (read replica)."""
from datetime import date

from fastapi import APIRouter, Depends, Query

from billing.db import get_report_pool
from billing.repositories import reports as report_repo
from billing.security.deps import Principal, get_current_principal
from billing.utils import cache

router = APIRouter(prefix="/api/reports", tags=["reports"])


@router.get("/revenue")
async def revenue(
    year: int = Query(ge=2000, le=2100),
    principal: Principal = Depends(get_current_principal),
) -> list[dict]:
    key = cache.cache_key("revenue", principal.tenant_id, year)
    cached = cache.get(key)
    if cached is not None:
        return cached
    pool = await get_report_pool()
    rows = [dict(r) for r in await report_repo.revenue_by_month(pool, principal.tenant_id, year)]
    cache.put(key, rows, ttl=300)
    return rows


@router.get("/aging")
async def aging(
    currency: str = "EUR",
    as_of: date | None = None,
    principal: Principal = Depends(get_current_principal),
) -> list[dict]:
    pool = await get_report_pool()
    rows = await report_repo.aging_buckets(pool, principal.tenant_id, as_of or date.today(), currency)
    return [dict(r) for r in rows]
