import logging
from typing import Optional

from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorDatabase
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel

from app.core.config import settings

logger = logging.getLogger(__name__)


class _MongoState:
    client: Optional[AsyncIOMotorClient] = None


_state = _MongoState()


async def connect_to_mongo() -> None:
    _state.client = AsyncIOMotorClient(settings.MONGODB_URL, uuidRepresentation="standard", tz_aware=True)
    await ensure_indexes(get_database())
    logger.info("connected to mongo database %s", settings.MONGODB_DB)


async def close_mongo_connection() -> None:
    if _state.client is not None:
        _state.client.close()
        _state.client = None


def get_database() -> AsyncIOMotorDatabase:
    if _state.client is None:
        raise RuntimeError("Mongo client is not initialised")
    return _state.client[settings.MONGODB_DB]


async def ensure_indexes(db: AsyncIOMotorDatabase) -> None:
    await db.users.create_indexes(
        [
            IndexModel([("email", ASCENDING)], unique=True),
            IndexModel([("api_key", ASCENDING)], unique=True, sparse=True),
        ]
    )
    await db.recipes.create_indexes(
        [
            IndexModel([("slug", ASCENDING)], unique=True),
            IndexModel([("author_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("tags", ASCENDING)]),
            IndexModel([("title", TEXT), ("summary", TEXT), ("tags", TEXT)], name="recipe_text"),
            IndexModel([("share_token", ASCENDING)], sparse=True),
        ]
    )
    await db.comments.create_indexes(
        [
            IndexModel([("recipe_id", ASCENDING), ("created_at", ASCENDING)]),
            IndexModel([("author_id", ASCENDING)]),
        ]
    )
    await db.password_resets.create_indexes(
        [
            IndexModel([("token", ASCENDING)], unique=True),
            IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0),
        ]
    )
    await db.favourites.create_indexes(
        [IndexModel([("user_id", ASCENDING), ("recipe_id", ASCENDING)], unique=True)]
    )
