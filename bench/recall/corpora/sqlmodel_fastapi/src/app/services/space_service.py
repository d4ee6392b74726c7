import random

from markupsafe import Markup, escape
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Space
from app.repositories import spaces as spaces_repo

FEATURED_COUNT = 4


def render_amenities(space: Space) -> str:
    items = "".join(f"<li class=\"amenity\">{escape(a)}</li>" for a in space.amenities)
    return f"<ul class=\"amenities\">{items}</ul>"


async def featured_nearby(session: AsyncSession, space: Space) -> list[Space]:
    candidates = await spaces_repo.search(
        session, city=space.city, min_capacity=None, amenity=None, limit=20, offset=0
    )
    others = [s for s in candidates if s.id != space.id]
    random.shuffle(others)
    return others[:FEATURED_COUNT]


def page_context(space: Space, nearby: list[Space]) -> dict:
    return {
        "space": space,
        "amenities_html": render_amenities(space),
        "nearby": nearby,
        "title": Markup("{} &middot; Coworkly").format(space.name),
    }
