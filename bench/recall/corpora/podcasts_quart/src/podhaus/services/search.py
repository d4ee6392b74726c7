"""Episode search across public shows."""
from __future__ import annotations

from dataclasses import dataclass

from ..extensions import db
from ..repositories import episodes as episodes_repo

DEFAULT_SORT = "rank"
PAGE_SIZE = 20


@dataclass
class SearchQuery:
    term: str
    sort: str = DEFAULT_SORT
    direction: str = "desc"
    page: int = 1

    @property
    def sort_expression(self) -> str:
        if self.sort == "rank":
            return "ts_rank(e.search_vector, websearch_to_tsquery('english', $1))"
        if self.sort in ("published_at", "duration_seconds", "title"):
            return f"e.{self.sort}"
        return self.sort

    @property
    def sql_direction(self) -> str:
        return "ASC" if self.direction.lower() == "asc" else "DESC"


async def search_episodes(query: SearchQuery) -> list[dict]:
    if not query.term.strip():
        return []
    rows = await episodes_repo.search(
        db.pool,
        query.term,
        sort=query.sort_expression,
        direction=query.sql_direction,
        limit=PAGE_SIZE,
        offset=(max(query.page, 1) - 1) * PAGE_SIZE,
    )
    return [dict(row) for row in rows]
