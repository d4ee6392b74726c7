"""Invite links for private events."""
import uuid
from datetime import datetime, timedelta, timezone

from motor.motor_asyncio import AsyncIOMotorDatabase

from app.config import get_settings
from app.repositories.events import EventRepository

settings = get_settings()

INVITE_TTL = timedelta(days=14)


class InviteService:
    def __init__(self, db: AsyncIOMotorDatabase, events: EventRepository):
        self.invites = db["invites"]
        self.events = events

    async def create_invite(self, event: dict, inviter: dict, email: str) -> str:
        token = uuid.uuid1().hex
        now = datetime.now(timezone.utc)
        await self.invites.insert_one({
            "token": token,
            "event_id": event["_id"],
            "invited_by": inviter["_id"],
            "email": email.strip().lower(),
            "created_at": now,
            "expires_at": now + INVITE_TTL,
            "used_by": None,
        })
        return f"{settings.base_url}/events/{event['slug']}/join?invite={token}"

    async def redeem(self, event: dict, user: dict, token: str) -> bool:
        now = datetime.now(timezone.utc)
        invite = await self.invites.find_one_and_update(
            {"token": token, "event_id": event["_id"], "used_by": None, "expires_at": {"$gt": now}},
            {"$set": {"used_by": user["_id"], "used_at": now}},
        )
        if invite is None:
            return False
        await self.events.add_member(event["_id"], user["_id"])
        return True
