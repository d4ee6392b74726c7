"""Creating events, access to private events, and RSVPs."""
import hashlib
import hmac
import logging
from datetime import datetime, timezone

from fastapi import BackgroundTasks, HTTPException, status

from app.config import get_settings
from app.repositories.events import EventRepository, RsvpRepository
from app.repositories.users import UserRepository
from app.schemas import EventForm
from app.security.tokens import create_unsubscribe_token
from app.services.mailer import Mailer
from app.utils import linebreaks, render_markdown, slugify

logger = logging.getLogger("gather.events")
settings = get_settings()


def hash_passcode(passcode: str) -> str:
    return hashlib.sha256(passcode.strip().encode("utf-8")).hexdigest()


def passcode_matches(event: dict, candidate: str) -> bool:
    stored = event.get("passcode_hash")
    if not stored:
        return False
    return hmac.compare_digest(stored, hash_passcode(candidate))


def can_view(event: dict, user: dict | None) -> bool:
    if event.get("visibility", "public") == "public":
        return True
    if user is None:
        return False
    return user["_id"] == event["organizer_id"] or user["_id"] in event.get("member_ids", [])


class EventService:
    def __init__(self, events: EventRepository, rsvps: RsvpRepository, users: UserRepository, mailer: Mailer):
        self.events = events
        self.rsvps = rsvps
        self.users = users
        self.mailer = mailer

    async def _unique_slug(self, title: str) -> str:
        base = slugify(title)
        slug, suffix = base, 2
        while await self.events.slug_exists(slug):
            slug = f"{base}-{suffix}"
            suffix += 1
        return slug

    async def create_event(self, organizer: dict, form: EventForm) -> dict:
        starts_at = form.starts_at if form.starts_at.tzinfo else form.starts_at.replace(tzinfo=timezone.utc)
        document = {
            "slug": await self._unique_slug(form.title),
            "title": form.title.strip(),
            "description": form.description,
            "description_html": render_markdown(form.description),
            "venue": form.venue.strip(),
            "venue_notes_html": linebreaks(form.venue_notes),
            "city": form.city.strip(),
            "category": form.category,
            "starts_at": starts_at,
            "capacity": form.capacity,
            "organizer_id": organizer["_id"],
            "organizer_name": organizer["display_name"],
            "visibility": "private" if form.passcode else "public",
            "member_ids": [],
            "featured": False,
            "created_at": datetime.now(timezone.utc),
        }
        if form.passcode:
            document["passcode_hash"] = hash_passcode(form.passcode)
        event = await self.events.insert(document)
        logger.info("user %s created event %s", organizer["_id"], event["slug"])
        return event

    async def get_for_user(self, slug: str, user: dict | None) -> dict:
        event = await self.events.get_by_slug(slug)
        if event is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Event not found")
        if not can_view(event, user):
            raise HTTPException(status.HTTP_403_FORBIDDEN, "This event is private")
        return event

    async def unlock(self, event: dict, user: dict, passcode: str) -> bool:
        if not passcode_matches(event, passcode):
            return False
        await self.events.add_member(event["_id"], user["_id"])
        return True

    async def rsvp(self, event: dict, user: dict, rsvp_status: str, background: BackgroundTasks | None = None) -> int:
        if rsvp_status == "going" and event.get("capacity"):
            already_going = await self.rsvps.status_for(event["_id"], user["_id"]) == "going"
            if not already_going and await self.rsvps.count_going(event["_id"]) >= event["capacity"]:
                raise HTTPException(status.HTTP_409_CONFLICT, "This event is full")
        await self.rsvps.upsert(event["_id"], user["_id"], rsvp_status)
        going = await self.rsvps.count_going(event["_id"])
        if background is not None and rsvp_status == "going" and user["_id"] != event["organizer_id"]:
            background.add_task(self.notify_organizer, event, user["display_name"], going)
        return going

    async def notify_organizer(self, event: dict, attendee_name: str, going: int) -> None:
        organizer = await self.users.get_by_id(event["organizer_id"])
        if organizer is None or not organizer.get("email_prefs", {}).get("rsvp_notices", True):
            return
        token = create_unsubscribe_token(str(organizer["_id"]), "rsvp_notices")
        await self.mailer.send_rsvp_notice(
            organizer["email"],
            organizer["display_name"],
            event["title"],
            attendee_name,
            going,
            f"{settings.base_url}/unsubscribe?token={token}",
        )
