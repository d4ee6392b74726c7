from fastapi import APIRouter, Depends, HTTPException, Query, status
from loguru import logger
from tortoise.exceptions import OperationalError

from app.api.deps import current_admin, current_teacher
from app.models import User
from app.services.reports import Period, ReportService

router = APIRouter(prefix="/reports", tags=["reports"])


def get_service() -> ReportService:
    return ReportService()


@router.get("/enrollments")
async def enrollment_report(
    days: int = Query(30, ge=1, le=365),
    teacher: User = Depends(current_teacher),
    service: ReportService = Depends(get_service),
):
    try:
        return await service.enrollment_summary(teacher.id, days)
    except OperationalError:
        logger.exception("enrollment report failed for teacher {}", teacher.id)
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "Report temporarily unavailable") from None


@router.get("/revenue")
async def revenue_report(
    language: str = Query(..., min_length=2, max_length=40),
    period: Period = "month",
    admin: User = Depends(current_admin),
    service: ReportService = Depends(get_service),
):
    return await service.revenue(language, period)
