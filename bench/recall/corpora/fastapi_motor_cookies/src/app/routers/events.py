"""Event pages: create, view, unlock, RSVP and invite."""
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi_limiter.depends import RateLimiter
from pydantic import ValidationError

from app.dependencies import CurrentUser, OptionalUser, get_event_service, get_invite_service, get_mailer
from app.schemas import EventForm, RsvpStatus
from app.security.csrf import csrf_protect
from app.services.events import EventService, can_view
from app.services.invites import InviteService
from app.services.mailer import Mailer
from app.templating import templates

router = APIRouter(prefix="/events", tags=["events"], dependencies=[Depends(csrf_protect)])

Events = Annotated[EventService, Depends(get_event_service)]
Invites = Annotated[InviteService, Depends(get_invite_service)]


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


@router.get("/new", response_class=HTMLResponse)
async def new_event_form(request: Request, user: CurrentUser):
    return templates.TemplateResponse(request, "events/form.html", {"user": user, "values": {}, "errors": []})


@router.post("")
async def create_event(
    request: Request,
    user: CurrentUser,
    events: Events,
    title: Annotated[str, Form()],
    venue: Annotated[str, Form()],
    city: Annotated[str, Form()],
    starts_at: Annotated[str, Form()],
    description: Annotated[str, Form()] = "",
    venue_notes: Annotated[str, Form()] = "",
    category: Annotated[str, Form()] = "community",
    capacity: Annotated[str, Form()] = "",
    passcode: Annotated[str, Form()] = "",
):
    values = {
        "title": title, "venue": venue, "city": city, "starts_at": starts_at, "description": description,
        "venue_notes": venue_notes, "category": category, "capacity": capacity,
    }
    if not user.get("email_verified"):
        context = {"user": user, "values": values, "errors": ["Please confirm your e-mail address before creating events."]}
        return templates.TemplateResponse(request, "events/form.html", context, status_code=403)
    try:
        form = EventForm(**values, passcode=passcode)
    except ValidationError as exc:
        errors = [f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}" for error in exc.errors()]
        return templates.TemplateResponse(request, "events/form.html", {"user": user, "values": values, "errors": errors}, status_code=400)
    event = await events.create_event(user, form)
    return _see_other(f"/events/{event['slug']}")


@router.get("/{slug}", response_class=HTMLResponse)
async def event_detail(request: Request, slug: str, user: OptionalUser, events: Events):
    event = await events.events.get_by_slug(slug)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Event not found")
    context = {
        "user": user,
        "event": event,
        "locked": not can_view(event, user),
        "is_organizer": user is not None and user["_id"] == event["organizer_id"],
        "going": await events.rsvps.count_going(event["_id"]),
        "my_status": await events.rsvps.status_for(event["_id"], user["_id"]) if user else None,
        "flash": request.query_params.get("flash"),
    }
    return templates.TemplateResponse(request, "events/detail.html", context)


@router.post("/{slug}/unlock", dependencies=[Depends(RateLimiter(times=10, minutes=10))])
async def unlock_event(slug: str, user: CurrentUser, events: Events, passcode: Annotated[str, Form()]):
    event = await events.events.get_by_slug(slug)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Event not found")
    if not await events.unlock(event, user, passcode):
        return _see_other(f"/events/{slug}?flash=wrong-passcode")
    return _see_other(f"/events/{slug}")


@router.post("/{slug}/rsvp")
async def rsvp(
    slug: str,
    user: CurrentUser,
    events: Events,
    background: BackgroundTasks,
    rsvp_status: Annotated[RsvpStatus, Form(alias="status")],
):
    event = await events.get_for_user(slug, user)
    await events.rsvp(event, user, rsvp_status, background)
    return _see_other(f"/events/{slug}?flash=rsvp-saved")


@router.post("/{slug}/invites", dependencies=[Depends(RateLimiter(times=20, hours=1))])
async def send_invite(
    slug: str,
    user: CurrentUser,
    events: Events,
    invites: Invites,
    background: BackgroundTasks,
    email: Annotated[str, Form(max_length=254)],
    mailer: Mailer = Depends(get_mailer),
):
    event = await events.get_for_user(slug, user)
    if event["organizer_id"] != user["_id"]:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Only the organiser can invite people")
    invite_url = await invites.create_invite(event, user, email)
    background.add_task(mailer.send_invite, email, event["title"], user["display_name"], invite_url)
    return _see_other(f"/events/{slug}?flash=invite-sent")


@router.get("/{slug}/join")
async def join_with_invite(slug: str, user: CurrentUser, events: Events, invites: Invites,
                           invite: Annotated[str, Query(min_length=16, max_length=64)]):
    event = await events.events.get_by_slug(slug)
    if event is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Event not found")
    if not can_view(event, user) and not await invites.redeem(event, user, invite):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "This invite link is invalid or has expired")
    return _see_other(f"/events/{slug}")


@router.get("/{slug}/chat", response_class=HTMLResponse)
async def chat_page(request: Request, slug: str, user: CurrentUser, events: Events):
    event = await events.get_for_user(slug, user)
    return templates.TemplateResponse(request, "events/chat.html", {"user": user, "event": event})
