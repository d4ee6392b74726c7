"""JSON API used by the mobile app and the embeddable RSVP widget."""
import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status

from app.config import get_settings
from app.dependencies import CurrentUser, get_auth_service, get_event_repo, get_event_service, get_rsvp_repo
from app.repositories.events import EventRepository, RsvpRepository
from app.schemas import EventSummary, RsvpIn, TokenRequest, TokenResponse
from app.services.auth import AuthService
from app.services.events import EventService

router = APIRouter(prefix="/api", tags=["api"])
logger = logging.getLogger("gather.api")
settings = get_settings()


def _summary(event: dict, going: int) -> EventSummary:
    return EventSummary(
        slug=event["slug"],
        title=event["title"],
        city=event["city"],
        category=event["category"],
        starts_at=event["starts_at"],
        going=going,
        capacity=event.get("capacity"),
    )


@router.get("/events", response_model=list[EventSummary])
async def list_events(
    events: Annotated[EventRepository, Depends(get_event_repo)],
    rsvps: Annotated[RsvpRepository, Depends(get_rsvp_repo)],
    city: str | None = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
):
    upcoming = await events.upcoming(limit=limit, city=city)
    counts = await rsvps.going_counts([event["_id"] for event in upcoming])
    return [_summary(event, counts.get(event["_id"], 0)) for event in upcoming]


@router.get("/events/{slug}", response_model=EventSummary)
async def get_event(slug: str, events: Annotated[EventService, Depends(get_event_service)]):
    event = await events.get_for_user(slug, None)
    return _summary(event, await events.rsvps.count_going(event["_id"]))


@router.post("/events/{slug}/rsvp")
async def api_rsvp(slug: str, body: RsvpIn, user: CurrentUser, events: Annotated[EventService, Depends(get_event_service)]):
    event = await events.get_for_user(slug, user)
    going = await events.rsvp(event, user, body.status)
    return {"status": body.status, "going": going}


@router.post("/auth/token", response_model=TokenResponse)
async def issue_token(request: Request, credentials: TokenRequest, auth: Annotated[AuthService, Depends(get_auth_service)]):
    client = request.client.host if request.client else "-"
    logger.info("token request from %s: %s", client, credentials.model_dump())
    user = await auth.authenticate(credentials.email, credentials.password)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid credentials", headers={"WWW-Authenticate": "Bearer"})
    access_token, _ = auth.issue_session(user, token_type="bearer")
    return TokenResponse(access_token=access_token, expires_in=settings.access_token_expire_minutes * 60)
