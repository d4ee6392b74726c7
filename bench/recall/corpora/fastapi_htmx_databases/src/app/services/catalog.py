import random

from app.repositories import events as events_repo

FEATURED_SLOTS = 4


async def homepage_events() -> dict:
    upcoming = await events_repo.list_published(sort="date", page_size=24)
    featured = [e for e in upcoming if e["capacity"] >= 200]
    random.shuffle(featured)
    return {"featured": featured[:FEATURED_SLOTS], "upcoming": upcoming}


async def search_events(term: str, venue: str | None = None) -> list[dict]:
    term = term.strip()
    if len(term) < 2:
        return []
    return await events_repo.search(term, venue)
