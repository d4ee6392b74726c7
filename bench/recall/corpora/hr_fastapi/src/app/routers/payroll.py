from __future__ import annotations

import html
import logging
import traceback
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from app.deps import DbSession, HRAdminSession, HRAdminUser, ManagerUser, require_api_scope
from app.models import ApiClient, PayrollExport
from app.repositories import absence_summary_report, leave_balance_report
from app.services import payroll as payroll_service
from app.templating import templates

logger = logging.getLogger("app.payroll")

ui_router = APIRouter(prefix="/ui/payroll", tags=["ui"], include_in_schema=False)
api_router = APIRouter(prefix="/api/payroll", tags=["payroll"])
reports_router = APIRouter(prefix="/api/reports", tags=["reports"])


@ui_router.get("", response_class=HTMLResponse)
def payroll_page(request: Request, db: DbSession, admin: HRAdminSession):
    exports = db.scalars(select(PayrollExport).order_by(PayrollExport.created_at.desc()).limit(20)).all()
    return templates.TemplateResponse(request, "payroll/index.html", {"user": admin, "exports": exports})


@ui_router.post("/preview", response_class=HTMLResponse)
def preview(
    request: Request,
    db: DbSession,
    admin: HRAdminSession,
    period_start: Annotated[date, Form()],
    period_end: Annotated[date, Form()],
):
    try:
        rows = payroll_service.build_preview(db, period_start, period_end)
    except Exception:
        logger.exception("payroll preview failed for %s..%s", period_start, period_end)
        return HTMLResponse(f'<div class="alert alert-error"><p>Preview failed.</p><pre>{html.escape(traceback.format_exc())}</pre></div>', status_code=500)
    return templates.TemplateResponse(
        request,
        "payroll/_preview.html",
        {"rows": rows, "period_start": period_start, "period_end": period_end},
    )


@ui_router.post("/exports")
def create_export(
    background_tasks: BackgroundTasks,
    db: DbSession,
    admin: HRAdminSession,
    period_start: Annotated[date, Form()],
    period_end: Annotated[date, Form()],
):
    if period_end < period_start:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail="Period end is before period start")
    export = PayrollExport(period_start=period_start, period_end=period_end, requested_by_id=admin.id)
    db.add(export)
    db.commit()
    background_tasks.add_task(payroll_service.generate_export, export.id)
    return RedirectResponse("/ui/payroll", status_code=status.HTTP_303_SEE_OTHER)


def _download(export: PayrollExport | None, request: Request) -> Response:
    if export is None or export.status != "ready" or not export.file_path:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Export not available")
    etag = payroll_service.etag_for(export)
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED)
    return FileResponse(
        Path(export.file_path),
        media_type="text/csv",
        filename=Path(export.file_path).name,
        headers={"ETag": etag, "X-Checksum-SHA256": export.checksum_sha256 or ""},
    )


@ui_router.get("/exports/{export_id}/download")
def download_export(export_id: int, request: Request, db: DbSession, admin: HRAdminSession):
    return _download(db.get(PayrollExport, export_id), request)


@api_router.get("/exports/latest")
def latest_export(request: Request, db: DbSession, client: Annotated[ApiClient, Depends(require_api_scope("payroll:read"))]):
    """Pulled by the payroll vendor's nightly job."""
    export = db.scalar(
        select(PayrollExport).where(PayrollExport.status == "ready").order_by(PayrollExport.period_end.desc()).limit(1)
    )
    return _download(export, request)


# --- Reports (JSON, bearer tokens) ------------------------------------------------------


@reports_router.get("/leave-balances")
def leave_balances(
    db: DbSession,
    user: ManagerUser,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    department: str | None = None,
    sort: str = "name",
    direction: str = "asc",
):
    rows = leave_balance_report(db, year=year or date.today().year, department=department, sort=sort, direction=direction)
    return {"year": year or date.today().year, "rows": [dict(r) for r in rows]}


@reports_router.get("/absence-summary")
def absence_summary(
    db: DbSession,
    user: HRAdminUser,
    group_by: Literal["department", "month", "type"] = "department",
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
):
    rows = absence_summary_report(db, year=year or date.today().year, group_by=group_by)
    return {"group_by": group_by, "rows": [dict(r) for r in rows]}
