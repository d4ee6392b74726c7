"""Public event pages."""
from __future__ import annotations

import random

from markupsafe import escape
from sanic import Blueprint, Request
from sanic.exceptions import NotFound
from sanic.response import html
from sanic_ext import render

from gatepass.repositories.events import CATEGORIES, EventRepository
from gatepass.security.sessions import is_staff

bp = Blueprint("events")

PAGE_SIZE = 18


def _page(request: Request) -> int:
    try:
        return max(int(request.args.get("page", 1)), 1)
    except ValueError:
        return 1


@bp.get("/")
async def home(request: Request):
    repo = EventRepository(request.app.ctx.db)
    featured = list(await repo.featured(limit=24))
    # rotate what's on the front page between visits
    random.shuffle(featured)
    return await render(
        "events/list.html",
        context={"events": featured[:9], "heading": "Featured events", "categories": CATEGORIES, "home": True},
    )


@bp.get("/events")
async def list_events(request: Request):
    repo = EventRepository(request.app.ctx.db)
    page = _page(request)
    category = request.args.get("category")
    q = (request.args.get("q") or "").strip()[:100]
    sort = request.args.get("sort", "starts_at")
    direction = "desc" if request.args.get("dir") == "desc" else "asc"

    events = await repo.list_published(
        category=category,
        q=q or None,
        order_by=sort,
        direction=direction,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    total = await repo.count_published(category=category)
    return await render(
        "events/list.html",
        context={
            "events": events,
            "heading": "All events",
            "categories": CATEGORIES,
            "category": category,
            "q": q,
            "sort": sort,
            "dir": direction,
            "page": page,
            "pages": max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        },
    )


@bp.get("/events/_suggest")
async def suggest(request: Request):
    """HTMX autocomplete for the search box."""
    q = (request.args.get("q") or "").strip()
    if len(q) < 2:
        return html("")
    rows = await EventRepository(request.app.ctx.db).suggest(q)
    if not rows:
        return html(f'<li class="suggest-empty">No events match “{q}”</li>')
    items = "".join(f'<li><a href="/events/{row["slug"]}">{escape(row["title"])}</a></li>' for row in rows)
    return html(items)


@bp.get("/events/<slug:slug>")
async def event_detail(request: Request, slug: str):
    repo = EventRepository(request.app.ctx.db)
    event = await repo.get_by_slug(slug)
    if event is None or (event["status"] != "published" and not is_staff(request)):
        raise NotFound("No such event")
    ticket_types = await repo.ticket_types(event["id"])
    return await render(
        "events/detail.html",
        context={
            "event": event,
            "ticket_types": ticket_types,
            "sold_out": all(tt["sold"] >= tt["capacity"] for tt in ticket_types),
            "staff": is_staff(request),
        },
    )
