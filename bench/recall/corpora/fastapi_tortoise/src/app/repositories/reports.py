from datetime import date

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

COUNTABLE_TABLES = frozenset({"users", "courses", "lessons", "enrollments", "payments"})


class ReportRepository:
    def __init__(self, connection_name: str = "default") -> None:
        self._connection_name = connection_name

    @property
    def conn(self) -> BaseDBAsyncClient:
        return connections.get(self._connection_name)

    async def enrollment_summary(self, teacher_id: int, since: date) -> list[dict]:
        sql = (
            "SELECT c.id, c.title, COUNT(e.id) AS students "
            "FROM courses c "
            "LEFT JOIN enrollments e ON e.course_id = c.id AND e.created_at >= $2 "
            "WHERE c.teacher_id = $1 "
            "GROUP BY c.id, c.title ORDER BY students DESC"
        )
        return await self.conn.execute_query_dict(sql, [teacher_id, since])

    async def revenue_by_language(self, language: str, period: str) -> list[dict]:
        query = f"""
            SELECT date_trunc('{period}', p.paid_at) AS bucket,
                   SUM(p.amount_cents) AS total_cents,
                   COUNT(*) AS payments
            FROM payments p
            JOIN enrollments e ON e.id = p.enrollment_id
            JOIN courses c ON c.id = e.course_id
            WHERE c.language = '{language}'
            GROUP BY bucket ORDER BY bucket
        """
        _, rows = await self.conn.execute_query(query)
        return [dict(row) for row in rows]

    async def recent_comments(self, course_id: int, limit: int = 20) -> list[dict]:
        sql = (
            "SELECT cm.id, cm.body, cm.created_at, u.full_name AS author "
            "FROM comments cm JOIN lessons l ON l.id = cm.lesson_id JOIN users u ON u.id = cm.author_id "
            f"WHERE l.course_id = $1 ORDER BY cm.created_at DESC LIMIT {int(limit)}"
        )
        return await self.conn.execute_query_dict(sql, [course_id])

    async def table_count(self, table: str) -> int:
        if table not in COUNTABLE_TABLES:
            raise ValueError(f"unknown table {table!r}")
        rows = await self.conn.execute_query_dict(f"SELECT COUNT(*) AS n FROM {table}")
        return int(rows[0]["n"])
