from tortoise import connections

from app.models import Course


def _tag_clause(tags: list[str]) -> str:
    return ", ".join(f"'{tag.strip().lower()}'" for tag in tags)


async def similar_courses(course: Course, limit: int = 5) -> list[dict]:
    if not course.tags:
        return []
    conn = connections.get("default")
    sql = (
        "SELECT c.id, c.title, c.slug, COUNT(*) AS shared "
        "FROM courses c, jsonb_array_elements_text(c.tags) AS t(tag) "
        f"WHERE lower(t.tag) IN ({_tag_clause(course.tags)}) AND c.id <> $1 AND NOT c.is_archived "
        "GROUP BY c.id ORDER BY shared DESC, c.title LIMIT $2"
    )
    return await conn.execute_query_dict(sql, [course.id, limit])
