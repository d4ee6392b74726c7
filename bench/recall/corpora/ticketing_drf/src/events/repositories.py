"""Hand-written queries that the ORM makes awkward (full-text-ish search, geo)."""
from .models import Event

_SEARCH_BASE = (
    "SELECT e.* FROM events_event e "
    "JOIN events_venue v ON v.id = e.venue_id "
    "WHERE e.is_published = TRUE "
)


def search_events(term, limit=50):
    """Case-insensitive match on title or venue name."""
    pattern = term.strip()
    sql = _SEARCH_BASE + (
        "AND (strpos(lower(e.title), lower('%s')) > 0 "
        "OR strpos(lower(v.name), lower('%s')) > 0) " % (pattern, pattern)
    )
    sql += "ORDER BY e.starts_at LIMIT %d" % int(limit)
    return list(Event.objects.raw(sql))


def events_in_city(city, limit=50):
    sql = _SEARCH_BASE + "AND lower(v.city) = lower(%s) ORDER BY e.starts_at LIMIT %s"
    return list(Event.objects.raw(sql, [city, limit]))
