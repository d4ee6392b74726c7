from fastapi import APIRouter, HTTPException, Request
from markupsafe import escape

from app.config import settings
from app.repositories import events as events_repo
from app.services import catalog
from app.templating import templates

router = APIRouter(tags=["events"])


def breadcrumbs(*parts: tuple[str, str]) -> str:
    links = [f'<a href="{escape(href)}">{escape(label)}</a>' for href, label in parts]
    return " › ".join(links)


@router.get("/")
async def home(request: Request):
    context = await catalog.homepage_events()
    return templates.TemplateResponse(request, "events/list.html", context)


@router.get("/events")
async def event_list(request: Request, sort: str = "date", page: int = 1):
    upcoming = await events_repo.list_published(sort=sort, page=max(page, 1), page_size=settings.PAGE_SIZE)
    return templates.TemplateResponse(
        request, "events/list.html", {"upcoming": upcoming, "sort": sort, "page": page}
    )


@router.get("/events/{slug}")
async def event_detail(request: Request, slug: str):
    event = await events_repo.get_by_slug(slug)
    if event is None or not event["published"]:
        raise HTTPException(404)
    sold = await events_repo.seats_sold(event["id"])
    return templates.TemplateResponse(
        request,
        "events/detail.html",
        {
            "event": event,
            "remaining": max(event["capacity"] - sold, 0),
            "breadcrumbs": breadcrumbs(("/", "Home"), ("/events", "Events"), (f"/events/{slug}", event["title"])),
        },
    )
