"""Download analytics, via SQLAlchemy's async session.

The downloads table is partitioned by month; these queries always filter on
``show_id`` and a date range so the planner can prune partitions.
"""
from __future__ import annotations

from datetime import date
from typing import Sequence

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ..models import Download, Episode

KNOWN_APPS = ("apple", "spotify", "overcast", "pocketcasts", "castbox", "web")


async def daily_downloads(session: AsyncSession, show_id: int, since: date) -> list[tuple[date, int]]:
    result = await session.execute(
        text(
            """
            SELECT date_trunc('day', created_at)::date AS day, count(*) AS downloads
              FROM downloads
             WHERE show_id = :show_id AND created_at >= :since
             GROUP BY 1 ORDER BY 1
            """
        ),
        {"show_id": show_id, "since": since},
    )
    return [(row.day, row.downloads) for row in result]


async def downloads_by_country(session: AsyncSession, show_id: int, since: date,
                               countries: Sequence[str] | None = None) -> list[tuple[str, int]]:
    stmt = (
        "SELECT coalesce(country, '??') AS country, count(*) AS downloads "
        "FROM downloads WHERE show_id = :show_id AND created_at >= :since"
    )
    if countries:
        stmt += " AND country IN ('" + "', '".join(c.upper() for c in countries) + "')"
    stmt += " GROUP BY 1 ORDER BY 2 DESC"
    result = await session.execute(text(stmt), {"show_id": show_id, "since": since})
    return [(row.country, row.downloads) for row in result]


async def downloads_by_app(session: AsyncSession, show_id: int, since: date,
                           apps: Sequence[str] | None = None) -> list[tuple[str, int]]:
    wanted = [a for a in (apps or KNOWN_APPS) if a in KNOWN_APPS]
    params: dict[str, object] = {"show_id": show_id, "since": since}
    placeholders = []
    for index, app_name in enumerate(wanted):
        params[f"app_{index}"] = app_name
        placeholders.append(f":app_{index}")
    stmt = (
        "SELECT client_app, count(*) AS downloads FROM downloads "
        "WHERE show_id = :show_id AND created_at >= :since "
        f"AND client_app IN ({', '.join(placeholders) or 'NULL'}) "
        "GROUP BY 1 ORDER BY 2 DESC"
    )
    result = await session.execute(text(stmt), params)
    return [(row.client_app, row.downloads) for row in result]


async def top_episodes(session: AsyncSession, show_id: int, since: date, limit: int = 10):
    stmt = (
        select(Episode.id, Episode.title, func.count(Download.id).label("downloads"))
        .join(Download, Download.episode_id == Episode.id)
        .where(Episode.show_id == show_id, Download.created_at >= since)
        .group_by(Episode.id, Episode.title)
        .order_by(func.count(Download.id).desc())
        .limit(limit)
    )
    result = await session.execute(stmt)
    return result.all()


async def platform_totals(session: AsyncSession) -> dict[str, int]:
    result = await session.execute(
        text(
            """
            SELECT
              (SELECT count(*) FROM users) AS users,
              (SELECT count(*) FROM shows WHERE deleted_at IS NULL) AS shows,
              (SELECT count(*) FROM episodes WHERE status = 'published') AS episodes,
              (SELECT count(*) FROM downloads WHERE created_at > now() - interval '1 day') AS downloads_24h
            """
        )
    )
    return dict(result.mappings().one())
