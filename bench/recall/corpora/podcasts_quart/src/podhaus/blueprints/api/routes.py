"""JSON API v1."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from quart import abort, g, url_for
from quart_rate_limiter import rate_limit
from quart_schema import validate_querystring, validate_request, validate_response

from ...extensions import db
from ...repositories import analytics as analytics_repo
from ...repositories import episodes as episodes_repo
from ...repositories import shows as shows_repo
from . import bp
from .auth import require_scope
from .schemas import EpisodeIn, EpisodeList, EpisodeOut, EpisodePatch, ListQuery, ShowList, ShowOut

PAGE_SIZE = 25


def _show_out(row) -> ShowOut:
    return ShowOut(
        id=row["id"],
        slug=row["slug"],
        title=row["title"],
        author=row["author"],
        description=row["description"] or "",
        category=row["category"],
        explicit=row["explicit"],
        feed_url=url_for("feeds.public_feed", slug=row["slug"], _external=True),
    )


async def _editable_show(slug: str) -> dict:
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    role = await shows_repo.member_role(db.pool, show["id"], g.principal["id"])
    if role not in ("owner", "cohost", "producer"):
        abort(403)
    return dict(show)


@bp.get("/shows")
@rate_limit(120, timedelta(minutes=1))
@validate_querystring(ListQuery)
@validate_response(ShowList)
async def list_shows(query_args: ListQuery) -> ShowList:
    page = max(query_args.page, 1)
    rows = await shows_repo.list_public(db.pool, order=query_args.order, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return ShowList(shows=[_show_out(r) for r in rows], page=page)


@bp.get("/shows/<slug>/episodes")
@rate_limit(120, timedelta(minutes=1))
@require_scope("episodes:read")
@validate_response(EpisodeList)
async def list_episodes(slug: str) -> EpisodeList:
    show = await shows_repo.get_by_slug(db.pool, slug)
    if show is None:
        abort(404)
    include_drafts = await shows_repo.member_role(db.pool, show["id"], g.principal["id"]) is not None
    rows = await episodes_repo.list_for_show(db.pool, show["id"], include_drafts=include_drafts, limit=200)
    return EpisodeList(episodes=[EpisodeOut(**dict(r)) for r in rows])


@bp.post("/shows/<slug>/episodes")
@rate_limit(30, timedelta(minutes=1))
@require_scope("episodes:write")
@validate_request(EpisodeIn)
@validate_response(EpisodeOut, 201)
async def create_episode(slug: str, data: EpisodeIn) -> tuple[EpisodeOut, int]:
    show = await _editable_show(slug)
    fields = data.model_dump()
    fields["guid"] = str(uuid.uuid4())
    fields["slug"] = data.title.lower().replace(" ", "-")[:80]
    episode_id = await episodes_repo.create(db.pool, show["id"], fields)
    row = await episodes_repo.get(db.pool, episode_id)
    return EpisodeOut(**dict(row)), 201


@bp.patch("/shows/<slug>/episodes/<int:episode_id>")
@rate_limit(60, timedelta(minutes=1))
@require_scope("episodes:write")
@validate_request(EpisodePatch)
@validate_response(EpisodeOut)
async def patch_episode(slug: str, episode_id: int, data: EpisodePatch) -> EpisodeOut:
    show = await _editable_show(slug)
    episode = await episodes_repo.get(db.pool, episode_id)
    if episode is None or episode["show_id"] != show["id"]:
        abort(404)
    await episodes_repo.update(db.pool, episode_id, data.model_dump(exclude_unset=True))
    row = await episodes_repo.get(db.pool, episode_id)
    return EpisodeOut(**dict(row))


@bp.get("/shows/<slug>/analytics/daily")
@rate_limit(60, timedelta(minutes=1))
@require_scope("analytics:read")
async def daily_analytics(slug: str):
    show = await _editable_show(slug)
    since = date.today() - timedelta(days=90)
    async with db.session() as session:
        rows = await analytics_repo.daily_downloads(session, show["id"], since)
    return {"show": show["slug"], "days": [{"day": d.isoformat(), "downloads": n} for d, n in rows]}
