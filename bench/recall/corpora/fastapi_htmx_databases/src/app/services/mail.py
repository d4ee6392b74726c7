from arq import create_pool
from arq.connections import RedisSettings

from app.config import settings

_pool = None


async def get_pool():
    global _pool
    if _pool is None:
        _pool = await create_pool(RedisSettings.from_dsn(settings.REDIS_URL))
    return _pool


async def enqueue(function: str, **kwargs) -> None:
    pool = await get_pool()
    await pool.enqueue_job(function, **kwargs)
