from datetime import datetime

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette import status

from app.core.csrf import csrf_protect
from app.core.errors import NotFound
from app.dashboard.deps import current_teacher
from app.dashboard.templating import templates
from app.models import Comment, Course, Lesson, User
from app.repositories.courses import CourseRepository
from app.services.accounts import AccountService, InvalidCredentials, accounts
from app.services.live import close_room, open_room
from app.services.mailer import mailer

auth_router = APIRouter(prefix="/dashboard", include_in_schema=False)
router = APIRouter(prefix="/dashboard", include_in_schema=False, dependencies=[Depends(current_teacher)])

repo = CourseRepository()


async def _owned_course(course_id: int, teacher: User) -> Course:
    course = await repo.get_owned(course_id, teacher)
    if course is None:
        raise NotFound("Course not found")
    return course


@auth_router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request):
    return templates.TemplateResponse(request, "dashboard/login.html", {"error": None})


@auth_router.post("/login", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
async def login_submit(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    service: AccountService = Depends(lambda: accounts),
):
    try:
        user = await service.authenticate(email, password)
    except InvalidCredentials:
        return templates.TemplateResponse(
            request, "dashboard/login.html", {"error": "Incorrect e-mail or password"}, status_code=400
        )
    if not user.is_teacher:
        return templates.TemplateResponse(
            request, "dashboard/login.html", {"error": "The dashboard is for teachers only"}, status_code=403
        )
    request.session.clear()
    request.session["user_id"] = user.id
    return RedirectResponse("/dashboard", status_code=status.HTTP_303_SEE_OTHER)


@auth_router.post("/logout", dependencies=[Depends(csrf_protect)])
async def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/dashboard/login", status_code=status.HTTP_303_SEE_OTHER)


@router.get("", response_class=HTMLResponse)
async def index(request: Request, sort: str = "title", teacher: User = Depends(current_teacher)):
    courses = await repo.list_for_teacher(teacher.id, sort)
    return templates.TemplateResponse(
        request, "dashboard/index.html", {"teacher": teacher, "courses": courses, "sort": sort}
    )


@router.get("/courses/{course_id}", response_class=HTMLResponse)
async def course_detail(request: Request, course_id: int, teacher: User = Depends(current_teacher)):
    course = await _owned_course(course_id, teacher)
    lessons = await Lesson.filter(course_id=course.id)
    comments = await Comment.filter(lesson__course_id=course.id).prefetch_related("author", "lesson").limit(30)
    return templates.TemplateResponse(
        request,
        "dashboard/course.html",
        {"course": course, "lessons": lessons, "comments": comments},
    )


@router.post("/courses/{course_id}/lessons", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
async def add_lesson(
    request: Request,
    course_id: int,
    title: str = Form(..., min_length=3, max_length=200),
    starts_at: datetime = Form(...),
    duration_minutes: int = Form(60, ge=15, le=240),
    teacher: User = Depends(current_teacher),
):
    course = await _owned_course(course_id, teacher)
    lesson = await Lesson.create(course=course, title=title, starts_at=starts_at, duration_minutes=duration_minutes)
    return templates.TemplateResponse(request, "dashboard/_lesson_row.html", {"lesson": lesson})


@router.post("/courses/{course_id}/archive", response_class=HTMLResponse)
async def archive_course(course_id: int, teacher: User = Depends(current_teacher)):
    course = await _owned_course(course_id, teacher)
    course.is_archived = True
    await course.save(update_fields=["is_archived"])
    return HTMLResponse("", headers={"HX-Redirect": "/dashboard"})


@router.post("/lessons/{lesson_id}/start", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
async def start_lesson(
    request: Request,
    lesson_id: int,
    background: BackgroundTasks,
    room_password: str | None = Form(None, max_length=64),
    teacher: User = Depends(current_teacher),
):
    lesson = await Lesson.get_or_none(id=lesson_id, course__teacher_id=teacher.id).prefetch_related("course")
    if lesson is None:
        raise NotFound("Lesson not found")
    await open_room(lesson, room_password or None)
    students = await repo.students(lesson.course)
    background.add_task(mailer.send_lesson_starting, [s.email for s in students], lesson.course.title, lesson.title)
    return templates.TemplateResponse(request, "dashboard/_lesson_row.html", {"lesson": lesson})


@router.post("/lessons/{lesson_id}/stop", response_class=HTMLResponse, dependencies=[Depends(csrf_protect)])
async def stop_lesson(request: Request, lesson_id: int, teacher: User = Depends(current_teacher)):
    lesson = await Lesson.get_or_none(id=lesson_id, course__teacher_id=teacher.id)
    if lesson is None:
        raise NotFound("Lesson not found")
    await close_room(lesson)
    return templates.TemplateResponse(request, "dashboard/_lesson_row.html", {"lesson": lesson})


@router.get("/courses/{course_id}/students/search", response_class=HTMLResponse)
async def search_students(
    request: Request,
    course_id: int,
    q: str = Query("", max_length=80),
    teacher: User = Depends(current_teacher),
):
    course = await _owned_course(course_id, teacher)
    students = await repo.students(course, q.strip())
    if not students:
        return HTMLResponse(f'<li class="empty">No students match <strong>{q}</strong></li>')
    return templates.TemplateResponse(request, "dashboard/_student_rows.html", {"students": students, "q": q})


@router.get("/courses/{course_id}/students/count", response_class=HTMLResponse)
async def student_count(course_id: int, teacher: User = Depends(current_teacher)):
    course = await _owned_course(course_id, teacher)
    count = await repo.student_count(course)
    return HTMLResponse(f'<span class="badge" id="student-count">{count}</span>')


@router.get("/preferences", response_class=HTMLResponse)
async def preferences_page(request: Request, teacher: User = Depends(current_teacher)):
    return templates.TemplateResponse(request, "dashboard/preferences.html", {"prefs": teacher.preferences or {}})


@router.post("/preferences", response_class=HTMLResponse)
async def save_preferences(
    request: Request,
    notify_comments: bool = Form(False),
    notify_enrollments: bool = Form(False),
    digest: str = Form("weekly", pattern="^(daily|weekly|never)$"),
    contact_email: str = Form(""),
    teacher: User = Depends(current_teacher),
):
    teacher.preferences = {
        "notify_comments": notify_comments,
        "notify_enrollments": notify_enrollments,
        "digest": digest,
        "contact_email": contact_email.strip(),
    }
    await teacher.save(update_fields=["preferences"])
    return RedirectResponse("/dashboard/preferences?saved=1", status_code=status.HTTP_303_SEE_OTHER)
