"""The member's own account page, calendar feed and e-mail preferences."""
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse

from app.config import get_settings
from app.dependencies import CurrentUser, get_event_repo, get_rsvp_repo, get_user_repo
from app.repositories.events import EventRepository, RsvpRepository
from app.repositories.users import UserRepository
from app.security.csrf import csrf_protect
from app.security.tokens import UNSUBSCRIBE_TOKEN_TYPE, TokenError, decode_token
from app.services.calendar import build_ics, new_feed_token
from app.templating import templates

router = APIRouter(tags=["account"], dependencies=[Depends(csrf_protect)])
settings = get_settings()

Users = Annotated[UserRepository, Depends(get_user_repo)]
Events = Annotated[EventRepository, Depends(get_event_repo)]
Rsvps = Annotated[RsvpRepository, Depends(get_rsvp_repo)]

EMAIL_TOPICS = ("rsvp_notices", "event_updates")


@router.get("/account", response_class=HTMLResponse)
async def account_page(request: Request, user: CurrentUser, events: Events, rsvps: Rsvps):
    my_events = await events.for_ids(await rsvps.event_ids_for_user(user["_id"]))
    feed_url = f"{settings.base_url}/calendar/{user['calendar_token']}.ics" if user.get("calendar_token") else None
    context = {"user": user, "my_events": my_events, "feed_url": feed_url, "resent": request.query_params.get("resent")}
    return templates.TemplateResponse(request, "account/index.html", context)


@router.post("/account/calendar-token")
async def regenerate_calendar_token(user: CurrentUser, users: Users):
    await users.update_fields(user["_id"], calendar_token=new_feed_token(str(user["_id"])))
    return RedirectResponse("/account#calendar", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/calendar/{token}.ics")
async def calendar_feed(token: str, users: Users, events: Events, rsvps: Rsvps):
    user = await users.get_by_calendar_token(token)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Unknown calendar")
    my_events = await events.for_ids(await rsvps.event_ids_for_user(user["_id"], statuses=("going",)))
    body = build_ics(my_events, f"{user['display_name']} on Gather", settings.base_url)
    return Response(body, media_type="text/calendar; charset=utf-8", headers={"Cache-Control": "private, max-age=900"})


@router.get("/unsubscribe", response_class=HTMLResponse)
async def unsubscribe(request: Request, token: str, users: Users):
    try:
        claims = decode_token(token, UNSUBSCRIBE_TOKEN_TYPE)
    except TokenError:
        context = {"title": "Link expired", "message": "This unsubscribe link is no longer valid. Manage e-mails from your account page."}
        return templates.TemplateResponse(request, "auth/message.html", context, status_code=400)
    topic = claims.get("topic")
    if topic in EMAIL_TOPICS:
        await users.update_fields(claims["sub"], **{f"email_prefs.{topic}": False})
    context = {"title": "Unsubscribed", "message": "You will no longer receive these e-mails."}
    return templates.TemplateResponse(request, "auth/message.html", context)
