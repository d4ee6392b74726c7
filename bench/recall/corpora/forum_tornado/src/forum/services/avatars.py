"""Avatar URLs and the coloured-initial fallback."""
import hashlib
import random
from urllib.parse import urlencode

PALETTE = [
    "#e57373", "#f06292", "#ba68c8", "#9575cd", "#7986cb", "#64b5f6",
    "#4fc3f7", "#4dd0e1", "#4db6ac", "#81c784", "#aed581", "#ffb74d",
]


def gravatar_url(email, size=64):
    if not email:
        return None
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return "https://www.gravatar.com/avatar/%s?%s" % (digest, urlencode({"s": size, "d": "404"}))


def colour_for(username):
    # stable per user so the fallback avatar doesn't flicker between pages
    rng = random.Random(username)
    return rng.choice(PALETTE)
