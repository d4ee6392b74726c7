import csv
import io
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, UploadFile, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError

from app.api.deps import CurrentUser, SessionDep, TenantDep, require_admin
from app.core.logging import get_logger
from app.models import Enrolment, User
from app.repositories import course_repo, report_repo
from app.services.user_import_service import import_students_csv
from app.tasks import certificates
from app.tasks.notifications import dispatch_webhooks

router = APIRouter(prefix="/enrolments", tags=["enrolments"])
log = get_logger(__name__)

AdminUser = Annotated[User, Depends(require_admin)]


class EnrolIn(BaseModel):
    course_id: int


@router.post("", status_code=status.HTTP_201_CREATED)
def enrol(payload: EnrolIn, user: CurrentUser, session: SessionDep, tenant: TenantDep, background: BackgroundTasks):
    if course_repo.get(session, tenant.id, payload.course_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Course not found")
    enrolment = Enrolment(tenant_id=tenant.id, user_id=user.id, course_id=payload.course_id)
    session.add(enrolment)
    session.commit()
    session.refresh(enrolment)
    background.add_task(
        dispatch_webhooks, tenant.id, "enrolment.created", {"id": enrolment.id, "course_id": payload.course_id}
    )
    return enrolment


@router.post("/{enrolment_id}/complete")
def complete(enrolment_id: int, user: CurrentUser, session: SessionDep, tenant: TenantDep, background: BackgroundTasks):
    enrolment = session.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.tenant_id != tenant.id or enrolment.user_id != user.id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Enrolment not found")
    enrolment.status = "completed"
    enrolment.progress = 100
    enrolment.completed_at = datetime.utcnow()
    session.add(enrolment)
    session.commit()
    certificates.on_enrolment_completed(session, enrolment, user.email)
    background.add_task(dispatch_webhooks, tenant.id, "enrolment.completed", {"id": enrolment.id})
    return enrolment


@router.get("/export.csv")
def export_csv(
    session: SessionDep,
    tenant: TenantDep,
    admin: AdminUser,
    status_filter: str | None = None,
    since: datetime | None = None,
):
    try:
        rows = report_repo.enrolment_export(session, tenant.id, status_filter, since)
    except SQLAlchemyError:
        log.exception("enrolment_export_failed", tenant=tenant.slug)
        raise HTTPException(status.HTTP_500_INTERNAL_SERVER_ERROR, "Export failed")
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "email", "full_name", "course", "status", "progress", "created_at"])
    writer.writerows(rows)
    buf.seek(0)
    return StreamingResponse(
        iter([buf.getvalue()]),
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="enrolments-{tenant.slug}.csv"'},
    )


@router.get("/stats/{course_id}")
def stats(course_id: int, session: SessionDep, tenant: TenantDep, admin: AdminUser):
    return report_repo.completion_stats(session, tenant.id, course_id)


@router.post("/import", status_code=status.HTTP_201_CREATED)
async def import_students(file: UploadFile, session: SessionDep, tenant: TenantDep, admin: AdminUser):
    created = import_students_csv(session, tenant.id, await file.read())
    return {"created": created}
