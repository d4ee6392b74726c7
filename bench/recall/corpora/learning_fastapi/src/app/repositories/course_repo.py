from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from app.models import Course, QuizQuestion


def get(session: Session, tenant_id: int, course_id: int) -> Course | None:
    course = session.get(Course, course_id)
    if course is None or course.tenant_id != tenant_id:
        return None
    return course


def quick_search(session: Session, tenant_id: int, term: str, limit: int = 10) -> list[Course]:
    """Autocomplete for the course picker."""
    stmt = (
        select(Course)
        .where(Course.tenant_id == tenant_id, Course.title.ilike(f"%{term}%"))
        .order_by(Course.title)
        .limit(limit)
    )
    return list(session.exec(stmt).all())


def catalogue_search(
    session: Session, tenant_id: int, term: str | None, sort: str = "title"
) -> list[dict[str, Any]]:
    """Public catalogue listing with free-text filter and a sortable column."""
    clauses = [f"c.tenant_id = {int(tenant_id)}", "c.published = true"]
    if term:
        clauses.append(f"(c.title ILIKE '%{term}%' OR c.summary ILIKE '%{term}%')")
    where = " AND ".join(clauses)
    query = f"SELECT c.id, c.slug, c.title, c.summary FROM course c WHERE {where} ORDER BY c.{sort}"
    return list(session.execute(text(query)).mappings().all())


def questions_for_lesson(session: Session, lesson_id: int) -> list[QuizQuestion]:
    return list(session.exec(select(QuizQuestion).where(QuizQuestion.lesson_id == lesson_id)).all())
