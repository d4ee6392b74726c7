from fastapi import APIRouter, Depends, Query, status

from app.api.deps import current_teacher, get_current_user
from app.core.errors import NotFound
from app.models import Comment, Course, Lesson, User
from app.repositories.courses import CourseRepository
from app.schemas.courses import CommentIn, CourseIn, CourseOut, CourseUpdate, LessonOut
from app.services.content import render_summary, slugify
from app.services.recommendations import similar_courses

router = APIRouter(prefix="/courses", tags=["courses"])


def get_repo() -> CourseRepository:
    return CourseRepository()


@router.get("", response_model=list[CourseOut])
async def list_courses(
    q: str = Query("", max_length=80),
    language: str | None = Query(None, max_length=32),
    repo: CourseRepository = Depends(get_repo),
):
    if not q and not language:
        return await Course.filter(is_archived=False).limit(50)
    return await repo.search_catalog(q, language)


@router.post("", response_model=CourseOut, status_code=status.HTTP_201_CREATED)
async def create_course(body: CourseIn, teacher: User = Depends(current_teacher)):
    data = body.model_dump()
    return await Course.create(
        **data,
        slug=slugify(f"{body.language}-{body.level}-{body.title}"),
        summary_html=render_summary(body.summary_md),
        teacher=teacher,
    )


@router.get("/{slug}", response_model=CourseOut)
async def get_course(slug: str):
    course = await Course.get_or_none(slug=slug, is_archived=False)
    if course is None:
        raise NotFound("Course not found")
    return course


@router.patch("/{course_id}", response_model=CourseOut)
async def update_course(
    course_id: int,
    body: CourseUpdate,
    teacher: User = Depends(current_teacher),
    repo: CourseRepository = Depends(get_repo),
):
    course = await repo.get_owned(course_id, teacher)
    if course is None:
        raise NotFound("Course not found")
    changes = body.model_dump(exclude_unset=True)
    if "summary_md" in changes:
        changes["summary_html"] = render_summary(changes["summary_md"])
    await course.update_from_dict(changes).save()
    return course


@router.get("/{course_id}/similar")
async def get_similar(course_id: int):
    course = await Course.get_or_none(id=course_id, is_archived=False)
    if course is None:
        raise NotFound("Course not found")
    return await similar_courses(course)


@router.get("/{course_id}/lessons", response_model=list[LessonOut])
async def list_lessons(course_id: int, user: User = Depends(get_current_user), repo: CourseRepository = Depends(get_repo)):
    course = await Course.get_or_none(id=course_id)
    if course is None or not (course.teacher_id == user.id or await repo.is_enrolled(user.id, course_id)):
        raise NotFound("Course not found")
    return await Lesson.filter(course_id=course_id)


@router.post("/lessons/{lesson_id}/comments", status_code=status.HTTP_201_CREATED)
async def add_comment(
    lesson_id: int,
    body: CommentIn,
    user: User = Depends(get_current_user),
    repo: CourseRepository = Depends(get_repo),
):
    lesson = await Lesson.get_or_none(id=lesson_id)
    if lesson is None or not await repo.is_enrolled(user.id, lesson.course_id):
        raise NotFound("Lesson not found")
    comment = await Comment.create(lesson=lesson, author=user, body=body.body)
    return {"id": comment.id}
