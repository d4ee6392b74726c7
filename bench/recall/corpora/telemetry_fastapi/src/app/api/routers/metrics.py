from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status

from app.api.deps import PoolDep, project_access
from app.models import Project
from app.schemas.metrics import BreakdownRow, Series, SeriesPoint
from app.services import rollups
from app.utils.cache import cached_json
from app.utils.colors import chart_color
from app.utils.timeutil import Resolution, default_resolution, resolve_range

router = APIRouter(prefix="/api/projects/{project_id}/metrics", tags=["metrics"])

ProjectDep = Annotated[Project, Depends(project_access())]


def _range(preset: str | None, start: datetime | None, end: datetime | None):
    try:
        return resolve_range(preset, start, end)
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, str(exc))


@router.get("/series")
async def series(
    request: Request,
    project: ProjectDep,
    pool: PoolDep,
    event: str = Query(..., max_length=200),
    range: str | None = Query(None, alias="range"),
    start: datetime | None = None,
    end: datetime | None = None,
    resolution: Resolution | None = None,
):
    start, end = _range(range, start, end)
    resolution = resolution or default_resolution(start, end)
    rows = await rollups.fetch_series(pool, project.id, event, resolution, start, end)
    payload = Series(
        event=event,
        resolution=resolution.value,
        points=[SeriesPoint(**dict(r)) for r in rows],
        color=chart_color(f"{project.id}:{event}"),
    )
    return cached_json(request, payload.model_dump(mode="json"))


@router.get("/breakdown", response_model=list[BreakdownRow])
async def breakdown(
    project: ProjectDep,
    pool: PoolDep,
    event: str = Query(..., max_length=200),
    prop: str = Query(..., max_length=120, description="Property to break down by"),
    interval: str = Query("hour", description="date_trunc unit"),
    range: str | None = Query(None, alias="range"),
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[BreakdownRow]:
    start, end = _range(range, start, end)
    rows = await rollups.breakdown(pool, project.id, event, prop, interval, start, end)
    return [BreakdownRow(**dict(r)) for r in rows]

