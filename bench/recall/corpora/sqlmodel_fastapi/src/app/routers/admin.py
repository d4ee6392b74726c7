from datetime import date

from fastapi import APIRouter, Depends, Query

from app.db import SessionDep
from app.deps import AdminUser, HostUser, require_internal_token
from app.repositories import reports

router = APIRouter(prefix="/admin", tags=["admin"])
internal_router = APIRouter(prefix="/internal", tags=["internal"], dependencies=[Depends(require_internal_token)])


@router.get("/reports/occupancy")
async def occupancy_report(
    host: HostUser,
    session: SessionDep,
    space_ids: str = Query(description="Comma separated space ids"),
    start: date = Query(),
    end: date = Query(),
) -> list[dict]:
    ids = [part.strip() for part in space_ids.split(",") if part.strip()]
    return await reports.occupancy(session, ids, start, end)


@router.get("/reports/revenue")
async def revenue_report(admin: AdminUser, session: SessionDep, year: int = Query(ge=2020, le=2100)) -> list[dict]:
    return await reports.revenue_by_month(session, year)


@internal_router.get("/stats")
async def internal_stats(session: SessionDep) -> dict:
    today = date.today()
    rows = await reports.revenue_by_month(session, today.year)
    return {"year": today.year, "months": len(rows)}
