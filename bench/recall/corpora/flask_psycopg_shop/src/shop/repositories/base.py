from ..db import get_cursor


class BaseRepository:
    """Small helpers shared by the repositories."""

    def _fetchone(self, sql, params=None):
        with get_cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchone()

    def _fetchall(self, sql, params=None):
        with get_cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def _execute(self, sql, params=None):
        with get_cursor(commit=True) as cur:
            cur.execute(sql, params)
            return cur.rowcount

    def _insert_returning_id(self, sql, params):
        with get_cursor(commit=True) as cur:
            cur.execute(sql, params)
            return cur.fetchone()["id"]
