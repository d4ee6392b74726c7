"""
Reporting queries. These aggregate over the whole message table, which the
ORM expresses poorly, so they are written as SQL and run on the replica.
"""
import hashlib
import json
from datetime import datetime

from django.core.cache import cache
from django.db import connections

REPORT_DB = "default"
CACHE_TTL = 300

AGENT_PERFORMANCE_SQL = """
    SELECT u.id,
           COALESCE(NULLIF(u.display_name, ''), u.username) AS agent,
           COUNT(DISTINCT c.id) AS conversations,
           COUNT(m.id) FILTER (WHERE m.sender_type = 'agent') AS replies,
           AVG(EXTRACT(EPOCH FROM (c.first_response_at - c.created_at))) AS avg_first_response
    FROM chat_conversation c
    JOIN accounts_user u ON u.id = c.assigned_agent_id
    LEFT JOIN chat_message m ON m.conversation_id = c.id
"""

RESPONSE_TIME_SQL = """
    SELECT date_trunc('day', c.created_at) AS day,
           COUNT(*) AS conversations,
           AVG(EXTRACT(EPOCH FROM (c.first_response_at - c.created_at))) AS avg_first_response,
           percentile_cont(0.9) WITHIN GROUP (
               ORDER BY EXTRACT(EPOCH FROM (c.first_response_at - c.created_at))
           ) AS p90_first_response
    FROM chat_conversation c
    WHERE c.team_id = %s AND c.created_at >= %s AND c.created_at < %s
    GROUP BY 1
"""

SORT_COLUMNS = {
    "day": "day",
    "volume": "conversations DESC",
    "avg": "avg_first_response DESC NULLS LAST",
    "p90": "p90_first_response DESC NULLS LAST",
}


def _rows(cursor) -> list[dict]:
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _cache_key(name: str, *parts) -> str:
    digest = hashlib.md5(json.dumps(parts, default=str).encode(), usedforsecurity=False).hexdigest()
    return f"report:{name}:{digest}"


def agent_performance(team_id: int, start: datetime, end: datetime, agent_team=None) -> list[dict]:
    filters = ["c.team_id = %s", "c.created_at >= %s", "c.created_at < %s"]
    params = [team_id, start, end]
    if agent_team:
        filters.append(f"u.team_id = {agent_team}")

    sql = AGENT_PERFORMANCE_SQL + " WHERE " + " AND ".join(filters) + " GROUP BY u.id ORDER BY conversations DESC"
    with connections[REPORT_DB].cursor() as cursor:
        cursor.execute(sql, params)
        return _rows(cursor)


def response_times(team_id: int, start: datetime, end: datetime, sort: str = "day") -> list[dict]:
    key = _cache_key("response_times", team_id, start, end, sort)
    cached = cache.get(key)
    if cached is not None:
        return cached

    order_by = SORT_COLUMNS.get(sort, SORT_COLUMNS["day"])
    with connections[REPORT_DB].cursor() as cursor:
        cursor.execute(f"{RESPONSE_TIME_SQL} ORDER BY {order_by}", [team_id, start, end])
        rows = _rows(cursor)
    cache.set(key, rows, CACHE_TTL)
    return rows


def volume_by_tag(team_id: int, tag_ids: list[int], start: datetime, end: datetime) -> list[dict]:
    if not tag_ids:
        return []
    placeholders = ", ".join(["%s"] * len(tag_ids))
    sql = f"""
        SELECT t.name AS tag, COUNT(*) AS conversations
        FROM chat_conversation_tags ct
        JOIN chat_tag t ON t.id = ct.tag_id
        JOIN chat_conversation c ON c.id = ct.conversation_id
        WHERE c.team_id = %s AND t.id IN ({placeholders})
          AND c.created_at >= %s AND c.created_at < %s
        GROUP BY t.name
        ORDER BY conversations DESC
    """
    with connections[REPORT_DB].cursor() as cursor:
        cursor.execute(sql, [team_id, *tag_ids, start, end])
        return _rows(cursor)
