"""MongoDB connection handling (Motor) and index setup."""
import logging

from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorDatabase
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel

logger = logging.getLogger("gather.db")


class _MongoState:
    client: AsyncIOMotorClient | None = None
    db: AsyncIOMotorDatabase | None = None


_state = _MongoState()


async def connect_mongo(url: str, name: str) -> AsyncIOMotorDatabase:
    _state.client = AsyncIOMotorClient(
        url,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=5000,
    )
    _state.db = _state.client[name]
    await ensure_indexes(_state.db)
    logger.info("connected to MongoDB database %s", name)
    return _state.db


async def close_mongo() -> None:
    if _state.client is not None:
        _state.client.close()
    _state.client = None
    _state.db = None


def get_database() -> AsyncIOMotorDatabase:
    if _state.db is None:
        raise RuntimeError("MongoDB is not connected; was the lifespan handler run?")
    return _state.db


async def ensure_indexes(db: AsyncIOMotorDatabase) -> None:
    await db["users"].create_indexes([
        IndexModel([("email", ASCENDING)], unique=True),
        IndexModel([("calendar_token", ASCENDING)], unique=True, sparse=True),
    ])
    await db["events"].create_indexes([
        IndexModel([("slug", ASCENDING)], unique=True),
        IndexModel([("visibility", ASCENDING), ("starts_at", ASCENDING)]),
        IndexModel([("title", TEXT), ("description", TEXT), ("city", TEXT)], default_language="english"),
    ])
    await db["rsvps"].create_indexes([
        IndexModel([("event_id", ASCENDING), ("user_id", ASCENDING)], unique=True),
        IndexModel([("user_id", ASCENDING), ("status", ASCENDING)]),
    ])
    await db["messages"].create_indexes([IndexModel([("event_id", ASCENDING), ("created_at", DESCENDING)])])
    await db["email_tokens"].create_indexes([
        IndexModel([("token_hash", ASCENDING)], unique=True),
        IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0),
    ])
    await db["invites"].create_indexes([IndexModel([("token", ASCENDING)], unique=True)])
