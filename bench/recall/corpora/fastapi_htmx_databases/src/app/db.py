import databases

from app.config import settings

database = databases.Database(settings.DATABASE_URL, min_size=2, max_size=10)


async def connect() -> None:
    if not database.is_connected:
        await database.connect()


async def disconnect() -> None:
    if database.is_connected:
        await database.disconnect()
