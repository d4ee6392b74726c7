from photos.ratelimit import RateLimiter


def test_limiter_blocks_after_limit():
    rl = RateLimiter()
    assert all(rl.hit("k", 3, 60) for _ in range(3))
    assert not rl.hit("k", 3, 60)


def test_limiter_keys_are_independent():
    rl = RateLimiter()
    for _ in range(3):
        rl.hit("a", 3, 60)
    assert rl.hit("b", 3, 60)


def test_reset():
    rl = RateLimiter()
    for _ in range(3):
        rl.hit("a", 3, 60)
    rl.reset("a")
    assert rl.hit("a", 3, 60)
