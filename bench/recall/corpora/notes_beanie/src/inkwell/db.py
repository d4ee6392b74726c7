"""MongoDB connection and Beanie initialisation."""
from __future__ import annotations

import logging

from beanie import init_beanie
from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorDatabase

from inkwell.config import settings
from inkwell.models import DOCUMENT_MODELS

logger = logging.getLogger(__name__)

_client: AsyncIOMotorClient | None = None


async def connect(*, mongo_uri: str | None = None, db_name: str | None = None) -> AsyncIOMotorDatabase:
    global _client
    _client = AsyncIOMotorClient(
        mongo_uri or settings.mongo_uri,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=5000,
        appname="inkwell",
    )
    database = _client[db_name or settings.mongo_db]
    await init_beanie(database=database, document_models=DOCUMENT_MODELS)
    logger.info("connected to mongo database %s", database.name)
    return database


async def disconnect() -> None:
    global _client
    if _client is not None:
        _client.close()
        _client = None


def get_database() -> AsyncIOMotorDatabase:
    if _client is None:
        raise RuntimeError("database is not connected")
    return _client[settings.mongo_db]


async def ping() -> bool:
    if _client is None:
        return False
    try:
        await _client.admin.command("ping")
    except Exception:  # noqa: BLE001 - health check only
        return False
    return True
