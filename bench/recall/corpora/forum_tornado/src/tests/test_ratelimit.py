import pytest

from forum.services import ratelimit


@pytest.mark.asyncio
async def test_memory_backend_limits():
    key = "test:127.0.0.1"
    results = [await ratelimit.allow(key, limit=3, period=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
