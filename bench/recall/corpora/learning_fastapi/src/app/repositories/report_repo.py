"""Read-only reporting queries used by the tenant admin exports."""
from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session

_EXPORT_BASE = (
    "SELECT e.id, u.email, u.full_name, c.title AS course, e.status, e.progress, e.created_at "
    "FROM enrolment e JOIN \"user\" u ON u.id = e.user_id JOIN course c ON c.id = e.course_id"
)


def enrolment_export(session: Session, tenant_id: int, status: str | None, since: datetime | None):
    sql = _EXPORT_BASE + " WHERE e.tenant_id = :tid"
    params: dict[str, object] = {"tid": tenant_id}
    if status:
        sql += " AND e.status = '{}'".format(status)
    if since is not None:
        sql += " AND e.created_at >= :since"
        params["since"] = since
    sql += " ORDER BY e.created_at DESC"
    return session.execute(text(sql), params).all()


def completion_stats(session: Session, tenant_id: int, course_id: int) -> dict[str, int]:
    stmt = text(
        "SELECT status, count(*) FROM enrolment "
        "WHERE tenant_id = :tid AND course_id = :cid GROUP BY status"
    ).bindparams(tid=tenant_id, cid=course_id)
    return {row[0]: row[1] for row in session.execute(stmt)}
