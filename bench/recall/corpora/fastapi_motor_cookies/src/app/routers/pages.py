"""Public pages: home and search."""
import random
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import escape

from app.dependencies import OptionalUser, get_event_repo
from app.repositories.events import EventRepository
from app.templating import templates

router = APIRouter(tags=["pages"])

Events = Annotated[EventRepository, Depends(get_event_repo)]


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, user: OptionalUser, events: Events):
    upcoming = await events.upcoming(limit=24)
    featured = [event for event in upcoming if event.get("featured")]
    random.shuffle(featured)
    context = {"user": user, "featured": featured[:3], "upcoming": upcoming}
    return templates.TemplateResponse(request, "home.html", context)


@router.get("/search", response_class=HTMLResponse)
async def search(request: Request, user: OptionalUser, events: Events, q: Annotated[str, Query(max_length=100)] = ""):
    results = await events.search(q) if q.strip() else []
    return templates.TemplateResponse(request, "search.html", {"user": user, "q": q, "events": results})


@router.get("/search/results", response_class=HTMLResponse)
async def search_results(request: Request, events: Events, q: Annotated[str, Query(max_length=100)] = ""):
    """htmx partial for the live search box."""
    results = await events.search(q) if q.strip() else []
    if not results:
        return HTMLResponse(f'<p class="empty">No events match <strong>{q}</strong> yet.</p>')
    return templates.TemplateResponse(request, "partials/event_list.html", {"events": results})


@router.get("/search/cities", response_class=HTMLResponse)
async def city_suggestions(events: Events, prefix: Annotated[str, Query(min_length=1, max_length=40)]):
    cities = await events.distinct_cities(prefix)
    return HTMLResponse("".join(f'<option value="{escape(city)}"></option>' for city in cities[:10]))
