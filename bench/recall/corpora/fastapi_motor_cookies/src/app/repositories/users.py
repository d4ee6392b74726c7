"""Data access for users and one-time e-mail tokens."""
import re
from datetime import datetime, timezone

from bson import ObjectId
from bson.errors import InvalidId
from motor.motor_asyncio import AsyncIOMotorDatabase
from pymongo import ReturnDocument


def to_object_id(value) -> ObjectId | None:
    if isinstance(value, ObjectId):
        return value
    try:
        return ObjectId(str(value))
    except (InvalidId, TypeError):
        return None


def _now() -> datetime:
    return datetime.now(timezone.utc)


class UserRepository:
    def __init__(self, db: AsyncIOMotorDatabase):
        self.collection = db["users"]

    async def get_by_id(self, user_id) -> dict | None:
        oid = to_object_id(user_id)
        if oid is None:
            return None
        return await self.collection.find_one({"_id": oid})

    async def get_by_email(self, email: str) -> dict | None:
        return await self.collection.find_one({"email": email.strip().lower()})

    async def get_by_calendar_token(self, token: str) -> dict | None:
        return await self.collection.find_one({"calendar_token": token, "is_active": True})

    async def create(self, *, email: str, display_name: str, password_hash: str,
                     role: str = "member", avatar_color: str = "#0ea5e9", email_verified: bool = False) -> str:
        document = {
            "email": email.strip().lower(),
            "display_name": display_name,
            "password_hash": password_hash,
            "role": role,
            "avatar_color": avatar_color,
            "email_verified": email_verified,
            "is_active": True,
            "email_prefs": {"rsvp_notices": True, "event_updates": True},
            "created_at": _now(),
        }
        result = await self.collection.insert_one(document)
        return str(result.inserted_id)

    async def update_fields(self, user_id, **fields) -> bool:
        result = await self.collection.update_one({"_id": to_object_id(user_id)}, {"$set": fields})
        return result.modified_count == 1

    async def set_password_hash(self, user_id, password_hash: str) -> None:
        await self.collection.update_one(
            {"_id": to_object_id(user_id)},
            {"$set": {"password_hash": password_hash, "password_changed_at": _now(), "must_change_password": False},
             "$unset": {"temp_password": ""}},
        )

    async def mark_email_verified(self, user_id) -> None:
        await self.update_fields(user_id, email_verified=True, email_verified_at=_now())

    async def search(self, query: str | None = None, skip: int = 0, limit: int = 50) -> list[dict]:
        criteria: dict = {}
        if query:
            pattern = re.escape(query.strip())
            criteria = {"$or": [
                {"email": {"$regex": pattern, "$options": "i"}},
                {"display_name": {"$regex": pattern, "$options": "i"}},
            ]}
        cursor = (
            self.collection.find(criteria, {"password_hash": 0})
            .sort("created_at", -1)
            .skip(skip)
            .limit(limit)
        )
        return await cursor.to_list(length=limit)

    async def delete_unverified_before(self, cutoff: datetime) -> int:
        result = await self.collection.delete_many({"email_verified": False, "created_at": {"$lt": cutoff}})
        return result.deleted_count


class EmailTokenRepository:
    """Single-use tokens sent by e-mail. Only a digest of the token is stored."""

    def __init__(self, db: AsyncIOMotorDatabase):
        self.collection = db["email_tokens"]

    async def create(self, user_id: str, purpose: str, token_hash: str, expires_at: datetime) -> None:
        await self.collection.insert_one({
            "user_id": to_object_id(user_id),
            "purpose": purpose,
            "token_hash": token_hash,
            "expires_at": expires_at,
            "used_at": None,
        })

    async def consume(self, token_hash: str, purpose: str) -> dict | None:
        return await self.collection.find_one_and_update(
            {"token_hash": token_hash, "purpose": purpose, "used_at": None, "expires_at": {"$gt": _now()}},
            {"$set": {"used_at": _now()}},
            return_document=ReturnDocument.AFTER,
        )
