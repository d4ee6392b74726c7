from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request, Response, status
from pydantic import BaseModel

from app.api.deps import CurrentUser, SessionDep, TenantDep, require_admin
from app.core.rate_limit import limiter
from app.models import Course, User
from app.repositories import course_repo
from app.services import course_service
from app.services.invite_service import build_invite
from app.tasks.notifications import send_invite_email

router = APIRouter(prefix="/courses", tags=["courses"])


class CourseIn(BaseModel):
    title: str
    slug: str
    summary: str = ""
    summary_html: str = ""


class InviteIn(BaseModel):
    email: str


@router.get("")
def list_catalogue(
    session: SessionDep,
    tenant: TenantDep,
    q: str | None = None,
    sort: str = Query("title"),
):
    return course_repo.catalogue_search(session, tenant.id, q, sort)


@router.get("/autocomplete")
def autocomplete(session: SessionDep, tenant: TenantDep, term: str = Query(min_length=2)):
    return [{"id": c.id, "title": c.title} for c in course_repo.quick_search(session, tenant.id, term)]


@router.get("/{course_id}")
def get_course(course_id: int, request: Request, response: Response, session: SessionDep, tenant: TenantDep):
    course = course_repo.get(session, tenant.id, course_id)
    if course is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Course not found")
    etag = course_service.course_etag(course)
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED)
    response.headers["ETag"] = etag
    return course


@router.post("", status_code=status.HTTP_201_CREATED)
def create_course(payload: CourseIn, user: CurrentUser, session: SessionDep, tenant: TenantDep):
    if user.role.value not in ("instructor", "admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Instructors only")
    course = Course(tenant_id=tenant.id, instructor_id=user.id, **payload.model_dump())
    session.add(course)
    session.commit()
    session.refresh(course)
    return course


@router.get("/{course_id}/lessons/{lesson_id}/quiz")
def quiz(course_id: int, lesson_id: int, user: CurrentUser, session: SessionDep, tenant: TenantDep):
    if course_repo.get(session, tenant.id, course_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Course not found")
    return course_service.assemble_quiz(course_repo.questions_for_lesson(session, lesson_id))


@router.post("/instructors/invite", status_code=status.HTTP_202_ACCEPTED)
@limiter.limit("20/hour")
def invite_instructor(
    request: Request,
    payload: InviteIn,
    background: BackgroundTasks,
    tenant: TenantDep,
    admin: Annotated[User, Depends(require_admin)],
):
    invite = build_invite(tenant.slug, payload.email)
    background.add_task(send_invite_email, invite)
    return {"email": invite["email"], "expires_at": invite["expires_at"]}
