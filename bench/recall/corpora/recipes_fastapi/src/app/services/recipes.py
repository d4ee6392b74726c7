import hashlib
import time
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

import bleach
import markdown
from bson import ObjectId
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.core.config import settings
from app.models.recipe import RecipeCreate, RecipeUpdate
from app.utils.strings import random_string, slugify

RecipeDoc = Dict[str, Any]

ALLOWED_TAGS = set(bleach.sanitizer.ALLOWED_TAGS) | {
    "p",
    "br",
    "h3",
    "h4",
    "pre",
    "hr",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "img": ["src", "alt", "title", "width", "height"],
    "abbr": ["title"],
}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    filters=[bleach.linkifier.LinkifyFilter],
)


def render_instructions(source: str) -> str:
    html = markdown.markdown(source, extensions=["extra", "sane_lists"])
    return _cleaner.clean(html)


def _now() -> datetime:
    return datetime.now(timezone.utc)


async def unique_slug(db: AsyncIOMotorDatabase, title: str, exclude_id: Optional[ObjectId] = None) -> str:
    base = slugify(title)
    slug = base
    for _ in range(5):
        query: Dict[str, Any] = {"slug": slug}
        if exclude_id is not None:
            query["_id"] = {"$ne": exclude_id}
        if not await db.recipes.find_one(query, projection={"_id": 1}):
            return slug
        slug = f"{base}-{random_string(5, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    raise RuntimeError(f"could not find a free slug for {title!r}")


async def create_recipe(db: AsyncIOMotorDatabase, payload: RecipeCreate, author: Dict[str, Any]) -> RecipeDoc:
    now = _now()
    doc = payload.model_dump()
    doc.update(
        {
            "slug": await unique_slug(db, payload.title),
            "author_id": author["_id"],
            "author_name": author.get("full_name") or author["email"].split("@")[0],
            "instructions_html": render_instructions(payload.instructions),
            "favourite_count": 0,
            "comment_count": 0,
            "created_at": now,
            "updated_at": now,
        }
    )
    result = await db.recipes.insert_one(doc)
    doc["_id"] = result.inserted_id
    return doc


async def update_recipe(db: AsyncIOMotorDatabase, recipe: RecipeDoc, payload: RecipeUpdate) -> RecipeDoc:
    changes = payload.model_dump(exclude_unset=True)
    if "instructions" in changes:
        changes["instructions_html"] = render_instructions(changes["instructions"])
    if "title" in changes and changes["title"] != recipe["title"]:
        changes["slug"] = await unique_slug(db, changes["title"], exclude_id=recipe["_id"])
    changes["updated_at"] = _now()
    await db.recipes.update_one({"_id": recipe["_id"]}, {"$set": changes})
    return {**recipe, **changes}


def make_share_token(recipe_id: Any) -> str:
    seed = f"{recipe_id}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def share_url(recipe: RecipeDoc) -> str:
    return f"{settings.BASE_URL}/r/{recipe['slug']}?share={recipe['share_token']}"


def can_view(recipe: RecipeDoc, user: Optional[Dict[str, Any]]) -> bool:
    if recipe.get("is_public"):
        return True
    if user is None:
        return False
    return recipe["author_id"] == user["_id"] or user.get("role") in ("moderator", "admin")


def can_edit(recipe: RecipeDoc, user: Dict[str, Any]) -> bool:
    return recipe["author_id"] == user["_id"] or user.get("role") == "admin"


async def list_public(
    db: AsyncIOMotorDatabase,
    q: Optional[str] = None,
    tag: Optional[str] = None,
    skip: int = 0,
    limit: int = 20,
) -> List[RecipeDoc]:
    query: Dict[str, Any] = {"is_public": True}
    if q:
        query["$text"] = {"$search": q}
    if tag:
        query["tags"] = tag.strip().lower()
    cursor = db.recipes.find(query).sort("created_at", -1).skip(skip).limit(limit)
    return await cursor.to_list(length=limit)


async def count_public(db: AsyncIOMotorDatabase, q: Optional[str] = None, tag: Optional[str] = None) -> int:
    query: Dict[str, Any] = {"is_public": True}
    if q:
        query["$text"] = {"$search": q}
    if tag:
        query["tags"] = tag.strip().lower()
    return await db.recipes.count_documents(query)


async def toggle_favourite(db: AsyncIOMotorDatabase, recipe: RecipeDoc, user_id: ObjectId) -> bool:
    existing = await db.favourites.find_one_and_delete({"user_id": user_id, "recipe_id": recipe["_id"]})
    if existing:
        await db.recipes.update_one({"_id": recipe["_id"]}, {"$inc": {"favourite_count": -1}})
        return False
    await db.favourites.insert_one({"user_id": user_id, "recipe_id": recipe["_id"], "created_at": _now()})
    await db.recipes.update_one({"_id": recipe["_id"]}, {"$inc": {"favourite_count": 1}})
    return True
