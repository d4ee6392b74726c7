"""
Plain SQL fallback for site search.

Wagtail's database search backend only matches whole words, so "print" doesn't
find "printmaking". When the indexed search comes back empty we fall back to a
substring match on titles and event summaries.
"""

import logging

from django.db import connection
from wagtail.models import Page

logger = logging.getLogger("artsboard.search")

ORDERINGS = {
    "relevance": "p.title",
    "newest": "p.first_published_at DESC",
    "date": "e.start",
}

BASE_SQL = """
    SELECT p.id
    FROM wagtailcore_page p
    LEFT JOIN events_eventpage e ON e.page_ptr_id = p.id
    WHERE p.live = TRUE
      AND p.depth > 2
      AND {conditions}
    ORDER BY {ordering}
    LIMIT %s
"""


def _match_condition(term):
    # users shouldn't be able to send their own wildcards
    like = term.replace("%", "").replace("_", " ")
    return f"(p.title ILIKE '%%{like}%%' OR e.summary ILIKE '%%{like}%%')"


def _build_query(term, region=None, ordering="relevance"):
    conditions = [_match_condition(term)]
    params = []
    if region:
        conditions.append("e.region = %s")
        params.append(region)
    sql = BASE_SQL.format(
        conditions=" AND ".join(conditions),
        ordering=ORDERINGS.get(ordering, ORDERINGS["relevance"]),
    )
    return sql, params


def fallback_search(term, region=None, ordering="relevance", limit=50):
    sql, params = _build_query(term, region=region, ordering=ordering)
    with connection.cursor() as cursor:
        cursor.execute(sql, params + [limit])
        ids = [row[0] for row in cursor.fetchall()]
    logger.debug("Fallback search matched %d pages", len(ids))
    return pages_in_order(ids)


def pages_in_order(ids):
    """Fetch specific pages for ``ids`` preserving the given order."""
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM wagtailcore_page WHERE id IN ({placeholders}) AND live = TRUE",
            ids,
        )
        live_ids = {row[0] for row in cursor.fetchall()}
    pages = Page.objects.filter(id__in=live_ids).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages]
