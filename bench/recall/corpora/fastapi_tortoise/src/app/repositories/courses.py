from app.models import Course, Enrollment, User

TEACHER_SORTS = {
    "title": "c.title ASC",
    "newest": "c.created_at DESC",
    "level": "c.level ASC, c.title ASC",
}


class CourseRepository:
    async def get_owned(self, course_id: int, teacher: User) -> Course | None:
        return await Course.get_or_none(id=course_id, teacher_id=teacher.id)

    async def list_for_teacher(self, teacher_id: int, sort: str = "title") -> list[Course]:
        order_by = TEACHER_SORTS.get(sort, TEACHER_SORTS["title"])
        return await Course.raw(f"SELECT c.* FROM courses c WHERE c.teacher_id = {int(teacher_id)} AND NOT c.is_archived ORDER BY {order_by}")

    async def search_catalog(self, term: str, language: str | None = None) -> list[Course]:
        pattern = term.replace("%", "").strip()
        where = f"(c.title ILIKE '%{pattern}%' OR c.description ILIKE '%{pattern}%')"
        if language:
            return await Course.filter(is_archived=False, language=language, title__icontains=pattern).limit(50)
        return await Course.raw(f"SELECT c.* FROM courses c WHERE NOT c.is_archived AND {where} ORDER BY c.title LIMIT 50")

    async def students(self, course: Course, name_fragment: str = "") -> list[User]:
        query = User.filter(enrollments__course_id=course.id, enrollments__status="active")
        if name_fragment:
            query = query.filter(full_name__icontains=name_fragment)
        return await query.order_by("full_name").limit(100)

    async def student_count(self, course: Course) -> int:
        return await Enrollment.filter(course_id=course.id, status="active").count()

    async def is_enrolled(self, user_id: int, course_id: int) -> bool:
        return await Enrollment.filter(student_id=user_id, course_id=course_id, status="active").exists()
