import random

import bleach
import sqlalchemy as sa

from bookings.db import database
from bookings.tables import rooms
from bookings.utils import slugify

ALLOWED_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}


def clean_description(raw: str) -> str:
    html = bleach.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True)
    return bleach.linkify(html)


async def list_active_rooms():
    query = rooms.select().where(rooms.c.is_active.is_(True)).order_by(rooms.c.building, rooms.c.name)
    return await database.fetch_all(query)


async def featured_rooms(limit: int = 3):
    query = rooms.select().where(sa.and_(rooms.c.is_active.is_(True), rooms.c.is_featured.is_(True)))
    rows = list(await database.fetch_all(query))
    random.shuffle(rows)
    return rows[:limit]


async def get_room_by_slug(slug: str):
    return await database.fetch_one(rooms.select().where(rooms.c.slug == slug))


async def get_room(room_id: int):
    return await database.fetch_one(rooms.select().where(rooms.c.id == room_id))


async def create_room(data: dict) -> int:
    values = {
        "slug": slugify(data["name"]),
        "name": data["name"].strip(),
        "building": data["building"].strip(),
        "capacity": int(data["capacity"]),
        "hourly_rate": data["hourly_rate"],
        "description_html": clean_description(data.get("description", "")),
        "is_featured": bool(data.get("is_featured")),
    }
    return await database.execute(rooms.insert().values(**values))


async def update_room(room_id: int, data: dict) -> None:
    values = {
        "name": data["name"].strip(),
        "building": data["building"].strip(),
        "capacity": int(data["capacity"]),
        "hourly_rate": data["hourly_rate"],
        "description_html": clean_description(data.get("description", "")),
        "is_featured": bool(data.get("is_featured")),
    }
    await database.execute(rooms.update().where(rooms.c.id == room_id).values(**values))


async def set_photo(room_id: int, filename: str) -> None:
    await database.execute(rooms.update().where(rooms.c.id == room_id).values(photo=filename))
