from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from app.api.deps import current_teacher, get_current_user
from app.core.errors import NotFound
from app.models import Enrollment, User
from app.repositories.courses import CourseRepository
from app.schemas.courses import InviteOut, JoinIn
from app.services.certificates import render_certificate
from app.services.invites import create_invite, redeem_invite

router = APIRouter(tags=["enrollments"])


@router.post("/courses/{course_id}/invites", response_model=InviteOut)
async def new_invite(course_id: int, teacher: User = Depends(current_teacher)):
    course = await CourseRepository().get_owned(course_id, teacher)
    if course is None:
        raise NotFound("Course not found")
    invite = await create_invite(course, teacher)
    return InviteOut(code=invite.code, expires_at=invite.expires_at, max_uses=invite.max_uses)


@router.post("/enrollments/join")
async def join_with_code(body: JoinIn, user: User = Depends(get_current_user)):
    enrollment = await redeem_invite(body.code, user)
    return {"enrollment_id": enrollment.id, "course_id": enrollment.course_id}


@router.get("/enrollments/mine")
async def my_enrollments(user: User = Depends(get_current_user)):
    return await Enrollment.filter(student_id=user.id).values("id", "course_id", "status", "completed_at")


@router.get("/enrollments/{enrollment_id}/certificate", response_class=HTMLResponse)
async def certificate(enrollment_id: int, user: User = Depends(get_current_user)):
    enrollment = await Enrollment.get_or_none(id=enrollment_id, student_id=user.id).prefetch_related(
        "course__teacher"
    )
    if enrollment is None or enrollment.completed_at is None:
        raise NotFound("No certificate for this enrollment")
    html = render_certificate(
        student_name=user.full_name,
        course_title=enrollment.course.title,
        level=enrollment.course.level,
        teacher_name=enrollment.course.teacher.full_name,
        completed_on=enrollment.completed_at.date(),
    )
    return HTMLResponse(html)
