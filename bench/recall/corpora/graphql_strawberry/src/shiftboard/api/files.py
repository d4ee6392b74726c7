"""Downloads: shift attachments and coordinator exports."""
import csv
import hashlib
import io
import traceback
from datetime import date
from pathlib import Path

import structlog
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from sqlmodel import Session

from ..auth import current_user, require_coordinator
from ..config import get_settings
from ..db import get_session
from ..models import ExportJob, User
from ..repositories import reports
from ..repositories import shifts as shifts_repo

settings = get_settings()
log = structlog.get_logger(__name__)

router = APIRouter(prefix="/api", tags=["files"])


def _etag(path: Path) -> str:
    stat = path.stat()
    digest = hashlib.md5(
        f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode(), usedforsecurity=False
    ).hexdigest()
    return f'W/"{digest}"'


def _inside(root: Path, relative: str) -> Path | None:
    base = root.resolve()
    candidate = (base / relative).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


@router.get("/shifts/{shift_id}/attachment")
def download_attachment(
    shift_id: int,
    request: Request,
    user: User = Depends(current_user),
    db: Session = Depends(get_session),
) -> Response:
    shift = shifts_repo.get_for_org(db, user.org_id, shift_id)
    if shift is None or not shift.attachment_path:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No attachment")
    path = _inside(settings.media_root, shift.attachment_path)
    if path is None:
        log.warning("attachment.missing", shift_id=shift_id)
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No attachment")

    etag = _etag(path)
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED)
    return FileResponse(
        path,
        filename=f"shift-{shift_id}{path.suffix}",
        headers={"ETag": etag, "Cache-Control": "private, max-age=300"},
    )


@router.get("/orgs/{org_id}/shifts.csv")
def export_shifts(
    org_id: int,
    start: date,
    end: date,
    sort: str = Query("starts_at", max_length=40),
    user: User = Depends(require_coordinator),
    db: Session = Depends(get_session),
):
    if user.org_id != org_id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Not your organisation")
    try:
        rows = reports.export_shift_rows(db, org_id, start, end, sort=sort)
    except Exception as exc:
        log.exception("export.shifts_failed", org_id=org_id)
        return JSONResponse({"detail": f"Export failed: {exc}", "trace": traceback.format_exc()}, status_code=500)

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=reports.EXPORT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    filename = f"shifts-{org_id}-{start.isoformat()}-{end.isoformat()}.csv"
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/exports/{job_id}")
def download_export(
    job_id: str,
    user: User = Depends(require_coordinator),
    db: Session = Depends(get_session),
) -> FileResponse:
    job = db.get(ExportJob, job_id)
    if job is None or job.org_id != user.org_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Export not found")
    if job.status != "done" or not job.file_name:
        raise HTTPException(status.HTTP_409_CONFLICT, "Export is not ready yet")
    path = _inside(settings.export_root, job.file_name)
    if path is None:
        raise HTTPException(status.HTTP_410_GONE, "Export file has expired")
    return FileResponse(path, media_type="text/csv", filename=f"{job.kind}-{job.created_at:%Y%m%d}.csv")
