"""Usage analytics for the dashboard, the JSON API and shared reports."""

import csv
import io
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from devportal.repositories import api_keys as api_keys_repo
from devportal.repositories import usage as usage_repo
from devportal.schemas import DailyPoint, EndpointUsage


async def endpoint_breakdown(
    session: AsyncSession, org_id: int, *, days: int = 30, sort: str = "requests", direction: str = "desc"
) -> list[EndpointUsage]:
    since = date.today() - timedelta(days=days)
    rows = await usage_repo.endpoint_totals(session, org_id, since, order_by=f"{sort} {direction}")
    return [EndpointUsage(**row) for row in rows]


async def daily_series(session: AsyncSession, org_id: int, days: int = 30) -> list[DailyPoint]:
    start = date.today() - timedelta(days=days - 1)
    key_ids = await api_keys_repo.ids_for_org(session, org_id)
    rows = await usage_repo.daily_totals(session, key_ids, start) if key_ids else []
    by_day = {row["day"]: row for row in rows}
    points = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        row = by_day.get(day, {})
        points.append(DailyPoint(day=day, requests=int(row.get("requests") or 0), errors=int(row.get("errors") or 0)))
    return points


def render_sparkline(values: list[int], width: int = 160, height: int = 32) -> str:
    """Inline SVG polyline for a list of daily request counts."""
    if not values:
        return ""
    peak = max(values) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(f"{i * step:.1f},{height - (int(v) / peak) * height:.1f}" for i, v in enumerate(values))
    return (
        f'<svg class="sparkline" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-hidden="true">'
        f'<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="{points}"/></svg>'
    )


async def export_csv(session: AsyncSession, org_id: int, days: int) -> str:
    rows = await endpoint_breakdown(session, org_id, days=days)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["endpoint", "requests", "errors", "p95_ms"])
    for row in rows:
        writer.writerow([row.endpoint, row.requests, row.errors, row.p95_ms or ""])
    return buffer.getvalue()
