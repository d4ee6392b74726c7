from datetime import date, timedelta
from typing import Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, status
from fastapi.responses import PlainTextResponse
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.db import get_async_session
from app.models import User
from app.repositories.reports import ReportRepository
from app.users.auth import current_active_user

router = APIRouter(prefix="/reports", tags=["reports"])
metrics_router = APIRouter(prefix="/internal", include_in_schema=False)


def get_report_repository(session: AsyncSession = Depends(get_async_session)) -> ReportRepository:
    return ReportRepository(session)


@router.get("/revenue")
async def revenue(
    period: str = Query("month", description="day, week, month, quarter or year"),
    start: date | None = None,
    end: date | None = None,
    user: User = Depends(current_active_user),
    repo: ReportRepository = Depends(get_report_repository),
) -> list[dict]:
    end = end or date.today()
    start = start or end - timedelta(days=365)
    return await repo.revenue_by_period(user.organization_id, period, start, end)


@router.get("/aging")
async def receivables_aging(
    user: User = Depends(current_active_user),
    repo: ReportRepository = Depends(get_report_repository),
) -> list[dict]:
    return await repo.receivables_aging(user.organization_id)


@router.get("/top-customers")
async def top_customers(
    sort: str = Query("revenue", description="Column to rank by, e.g. revenue or invoices"),
    direction: Literal["asc", "desc"] = "desc",
    limit: int = Query(10, ge=1, le=100),
    user: User = Depends(current_active_user),
    repo: ReportRepository = Depends(get_report_repository),
) -> list[dict]:
    return await repo.top_customers(user.organization_id, order_by=sort, direction=direction.upper(), limit=limit)


@metrics_router.get("/metrics", response_class=PlainTextResponse)
async def metrics(
    x_metrics_token: str | None = Header(default=None),
    repo: ReportRepository = Depends(get_report_repository),
) -> str:
    expected = settings.metrics_token
    if expected is None or x_metrics_token != expected.get_secret_value():
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    counts = await repo.invoice_status_counts()
    lines = ["# TYPE invoicely_invoices gauge"]
    lines += [f'invoicely_invoices{{status="{name}"}} {count}' for name, count in sorted(counts.items())]
    return "\n".join(lines) + "\n"
