import aiosqlite
from quart import current_app


async def connect():
    return await aiosqlite.connect(current_app.config["DATABASE"])
