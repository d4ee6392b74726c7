"""Full-text search over pages, backed by PostgreSQL ``tsvector``."""
import re
from dataclasses import dataclass

from sqlalchemy import text

SORT_ORDERS = {
    "rank": "rank DESC, p.updated_at DESC",
    "updated": "p.updated_at DESC",
    "title": "lower(p.title) ASC",
}
SUGGEST_COLUMNS = ("s.key AS space_key", "p.slug", "p.title")

SNIPPET_WIDTH = 180
MAX_TERMS = 12

# words, allowing apostrophes and hyphens ("don't", "on-call")
_TERM_RE = re.compile(r"[\w'-]+", re.UNICODE)


@dataclass
class SearchHit:
    page_id: int
    space_key: str
    slug: str
    title: str
    snippet: str
    rank: float


def parse_terms(query):
    return _TERM_RE.findall(query or "")[:MAX_TERMS]


def _to_tsquery(terms):
    parts = [t for t in terms if t.strip("'-")]
    if not parts:
        return ""
    # prefix-match the last word so search-as-you-type works
    parts[-1] = parts[-1] + ":*"
    return " & ".join(parts)


def make_snippet(body, terms, width=SNIPPET_WIDTH):
    """Cut a window of ``body`` around the first match and highlight the terms."""
    body = " ".join((body or "").split())
    lowered = body.lower()
    positions = [lowered.find(t.lower()) for t in terms]
    positions = [p for p in positions if p >= 0]
    start = max(min(positions, default=0) - width // 3, 0)
    fragment = body[start:start + width]
    for term in terms:
        fragment = re.sub(
            re.escape(term),
            lambda m: f"<mark>{m.group(0)}</mark>",
            fragment,
            flags=re.IGNORECASE,
        )
    prefix = "\u2026 " if start > 0 else ""
    suffix = " \u2026" if start + width < len(body) else ""
    return prefix + fragment + suffix


def search_pages(dbsession, query, space_ids, space=None, sort="rank", limit=20, offset=0):
    terms = parse_terms(query)
    tsquery = _to_tsquery(terms)
    if not tsquery or not space_ids:
        return []

    order_by = SORT_ORDERS.get(sort, SORT_ORDERS["rank"])
    sql = (
        "SELECT p.id, s.key AS space_key, p.slug, p.title, p.body, "
        f"ts_rank_cd(p.search_vector, to_tsquery('english', '{tsquery}')) AS rank "
        "FROM pages p JOIN spaces s ON s.id = p.space_id "
        f"WHERE p.search_vector @@ to_tsquery('english', '{tsquery}') "
        "AND NOT p.is_deleted AND p.space_id = ANY(:space_ids) "
    )
    params = {"space_ids": list(space_ids), "limit": limit, "offset": offset}
    if space:
        sql += "AND s.key = :space "
        params["space"] = space
    sql += f"ORDER BY {order_by} LIMIT :limit OFFSET :offset"

    rows = dbsession.execute(text(sql), params).mappings()
    return [
        SearchHit(
            page_id=row["id"],
            space_key=row["space_key"],
            slug=row["slug"],
            title=row["title"],
            snippet=make_snippet(row["body"], terms),
            rank=row["rank"],
        )
        for row in rows
    ]


def title_suggestions(dbsession, prefix, space_ids, limit=8):
    """Cheap title completion for the search box."""
    if not prefix or not space_ids:
        return []
    pattern = prefix.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
    columns = ", ".join(SUGGEST_COLUMNS)
    stmt = text(
        f"SELECT {columns} FROM pages p JOIN spaces s ON s.id = p.space_id "
        "WHERE p.title ILIKE :pattern AND p.space_id = ANY(:space_ids) AND NOT p.is_deleted "
        f"ORDER BY {SORT_ORDERS['title']} LIMIT :limit"
    )
    params = {"pattern": pattern, "space_ids": list(space_ids), "limit": limit}
    return dbsession.execute(stmt, params).mappings().all()
