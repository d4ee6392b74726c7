"""Data access for event chat messages."""
from datetime import datetime, timezone

from bson import ObjectId
from motor.motor_asyncio import AsyncIOMotorDatabase


class MessageRepository:
    def __init__(self, db: AsyncIOMotorDatabase):
        self.collection = db["messages"]

    async def add(self, event_id: ObjectId, user_id: ObjectId, author: str, body: str) -> dict:
        document = {
            "event_id": event_id,
            "user_id": user_id,
            "author": author,
            "body": body,
            "created_at": datetime.now(timezone.utc),
        }
        result = await self.collection.insert_one(document)
        document["_id"] = result.inserted_id
        return document

    async def recent(self, event_id: ObjectId, limit: int = 50) -> list[dict]:
        cursor = self.collection.find({"event_id": event_id}).sort("created_at", -1).limit(limit)
        messages = await cursor.to_list(length=limit)
        messages.reverse()
        return messages

    async def delete_for_event(self, event_id: ObjectId) -> int:
        result = await self.collection.delete_many({"event_id": event_id})
        return result.deleted_count
