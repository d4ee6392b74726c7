"""Fragments swapped in by HTMX (hx-get / hx-post targets)."""
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from app.db import database
from app.deps import current_user_optional
from app.services import catalog
from app.templating import templates

router = APIRouter(prefix="/partials", tags=["partials"])


@router.get("/search", response_class=HTMLResponse)
async def search_results(request: Request, q: str = "", venue: str | None = None):
    results = await catalog.search_events(q, venue)
    if not results:
        return HTMLResponse(f'<p class="empty">No events match “{q}”.</p>')
    return templates.TemplateResponse(request, "partials/event_rows.html", {"events": results, "q": q})


@router.get("/ticket-count", response_class=HTMLResponse)
async def ticket_count(user=Depends(current_user_optional)):
    if user is None:
        return HTMLResponse("")
    count = await database.fetch_val(
        query="SELECT count(*) FROM tickets WHERE holder_id = :uid AND checked_in_at IS NULL",
        values={"uid": user["id"]},
    )
    return HTMLResponse(f'<span class="badge">{int(count)}</span>')
