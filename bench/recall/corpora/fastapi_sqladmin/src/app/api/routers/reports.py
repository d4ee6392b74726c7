from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, Query
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import require_role
from app.db.session import get_session
from app.models import User
from app.services import reports
from app.worker.tasks import generate_owner_statement

router = APIRouter(prefix="/reports", tags=["reports"])

ReportName = Literal["occupancy", "arrears", "turnover"]


@router.get("/rent-roll/{property_id}")
async def rent_roll(
    property_id: int,
    as_of: date = Query(default_factory=date.today),
    user: User = Depends(require_role("manager", "accountant", "admin")),
    session: AsyncSession = Depends(get_session),
):
    return await reports.rent_roll(session, property_id, as_of)


@router.get("/summary/{report}")
async def summary(
    report: ReportName,
    user: User = Depends(require_role("manager", "accountant", "admin")),
    session: AsyncSession = Depends(get_session),
):
    return await reports.summary(session, report, user.id)


@router.get("/arrears")
async def arrears(
    city: str = Query(..., min_length=2),
    min_days: int = Query(default=30, ge=0),
    user: User = Depends(require_role("accountant", "admin")),
    session: AsyncSession = Depends(get_session),
):
    return await reports.arrears_by_city(session, user.id, city, min_days)


@router.post("/statements", status_code=202)
async def queue_statement(
    period: str = Query(..., description="YYYY-MM"),
    user: User = Depends(require_role("accountant", "admin")),
):
    task = generate_owner_statement.delay(user.id, period)
    return {"task_id": task.id}
