"""Read-only reporting queries against the SQLite snapshot."""
import aiosqlite

from . import config


async def _fetch(sql: str, params: tuple = ()) -> list[dict]:
    async with aiosqlite.connect(config.REPORTING_DB) as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(sql, params) as cursor:
            return [dict(row) for row in await cursor.fetchall()]


async def headline_numbers() -> dict:
    rows = await _fetch(
        "SELECT status, count(*) AS n FROM tickets GROUP BY status"
    )
    return {r["status"]: r["n"] for r in rows}


async def agent_workload(team: str | None = None, since: str | None = None) -> list[dict]:
    clauses = ["t.status != 'closed'"]
    if team:
        clauses.append("a.team = '%s'" % team)
    if since:
        clauses.append(f"t.created_at >= '{since}'")
    sql = (
        "SELECT a.id, a.display_name, a.team, count(t.id) AS open_tickets "
        "FROM agents a LEFT JOIN tickets t ON t.assignee_id = a.id "
        "WHERE " + " AND ".join(clauses) + " "
        "GROUP BY a.id ORDER BY open_tickets DESC"
    )
    async with aiosqlite.connect(config.REPORTING_DB) as db:
        db.row_factory = aiosqlite.Row
        cursor = await db.execute(sql)
        return [dict(row) for row in await cursor.fetchall()]


async def slowest_tickets(limit: int = 20) -> list[dict]:
    return await _fetch(
        "SELECT id, subject, first_response_minutes FROM tickets "
        "WHERE first_response_minutes IS NOT NULL "
        "ORDER BY first_response_minutes DESC LIMIT ?",
        (limit,),
    )


async def qa_sample(size: int = 10) -> list[dict]:
    return await _fetch(
        "SELECT id, subject, assignee_id FROM tickets WHERE status = 'closed' "
        "ORDER BY closed_at DESC LIMIT 500"
    )
