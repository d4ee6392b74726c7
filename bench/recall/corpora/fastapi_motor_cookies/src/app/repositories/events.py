"""Data access for events and RSVPs."""
import re
from datetime import datetime, timezone

from bson import ObjectId
from motor.motor_asyncio import AsyncIOMotorDatabase
from pymongo import ReturnDocument


class EventRepository:
    def __init__(self, db: AsyncIOMotorDatabase):
        self.collection = db["events"]

    async def get_by_slug(self, slug: str) -> dict | None:
        return await self.collection.find_one({"slug": slug})

    async def slug_exists(self, slug: str) -> bool:
        return await self.collection.count_documents({"slug": slug}, limit=1) > 0

    async def insert(self, document: dict) -> dict:
        result = await self.collection.insert_one(document)
        document["_id"] = result.inserted_id
        return document

    async def add_member(self, event_id: ObjectId, user_id: ObjectId) -> None:
        await self.collection.update_one({"_id": event_id}, {"$addToSet": {"member_ids": user_id}})

    async def upcoming(self, limit: int = 24, city: str | None = None) -> list[dict]:
        criteria = {"visibility": "public", "starts_at": {"$gte": datetime.now(timezone.utc)}}
        if city:
            criteria["city"] = city
        cursor = self.collection.find(criteria).sort("starts_at", 1).limit(limit)
        return await cursor.to_list(length=limit)

    async def search(self, text: str, limit: int = 20) -> list[dict]:
        cursor = (
            self.collection.find(
                {"$text": {"$search": text}, "visibility": "public"},
                {"score": {"$meta": "textScore"}},
            )
            .sort([("score", {"$meta": "textScore"})])
            .limit(limit)
        )
        return await cursor.to_list(length=limit)

    async def distinct_cities(self, prefix: str) -> list[str]:
        pattern = "^" + re.escape(prefix.strip())
        cities = await self.collection.distinct("city", {"city": {"$regex": pattern, "$options": "i"}, "visibility": "public"})
        return sorted(cities)

    async def for_ids(self, event_ids: list[ObjectId]) -> list[dict]:
        cursor = self.collection.find({"_id": {"$in": event_ids}}).sort("starts_at", 1)
        return await cursor.to_list(length=len(event_ids) or 1)

    def iter_all(self):
        return self.collection.find({}, {"description": 0, "description_html": 0, "venue_notes_html": 0})


class RsvpRepository:
    def __init__(self, db: AsyncIOMotorDatabase):
        self.collection = db["rsvps"]

    async def upsert(self, event_id: ObjectId, user_id: ObjectId, status: str) -> dict:
        return await self.collection.find_one_and_update(
            {"event_id": event_id, "user_id": user_id},
            {"$set": {"status": status, "updated_at": datetime.now(timezone.utc)}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )

    async def count_going(self, event_id: ObjectId) -> int:
        return await self.collection.count_documents({"event_id": event_id, "status": "going"})

    async def status_for(self, event_id: ObjectId, user_id: ObjectId) -> str | None:
        rsvp = await self.collection.find_one({"event_id": event_id, "user_id": user_id}, {"status": 1})
        return rsvp["status"] if rsvp else None

    async def event_ids_for_user(self, user_id: ObjectId, statuses=("going", "maybe")) -> list[ObjectId]:
        cursor = self.collection.find({"user_id": user_id, "status": {"$in": list(statuses)}}, {"event_id": 1})
        return [doc["event_id"] async for doc in cursor]

    async def going_counts(self, event_ids: list[ObjectId]) -> dict[ObjectId, int]:
        pipeline = [
            {"$match": {"event_id": {"$in": event_ids}, "status": "going"}},
            {"$group": {"_id": "$event_id", "going": {"$sum": 1}}},
        ]
        return {row["_id"]: row["going"] async for row in self.collection.aggregate(pipeline)}
