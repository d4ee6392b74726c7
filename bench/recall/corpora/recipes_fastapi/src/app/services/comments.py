from datetime import datetime, timezone
from typing import Any, Dict, List

import markdown
from bson import ObjectId
from motor.motor_asyncio import AsyncIOMotorDatabase

CommentDoc = Dict[str, Any]


def render_comment(body: str) -> str:
    # comments get a tiny subset of markdown: emphasis, links, line breaks
    return markdown.markdown(body, extensions=["nl2br"])


async def add_comment(
    db: AsyncIOMotorDatabase,
    recipe: Dict[str, Any],
    author: Dict[str, Any],
    body: str,
) -> CommentDoc:
    body = body.strip()
    doc = {
        "recipe_id": recipe["_id"],
        "author_id": author["_id"],
        "author_name": author.get("full_name") or author["email"].split("@")[0],
        "body": body,
        "body_html": render_comment(body),
        "created_at": datetime.now(timezone.utc),
    }
    result = await db.comments.insert_one(doc)
    doc["_id"] = result.inserted_id
    await db.recipes.update_one({"_id": recipe["_id"]}, {"$inc": {"comment_count": 1}})
    return doc


async def list_comments(db: AsyncIOMotorDatabase, recipe_id: ObjectId, limit: int = 200) -> List[CommentDoc]:
    cursor = db.comments.find({"recipe_id": recipe_id}).sort("created_at", 1).limit(limit)
    return await cursor.to_list(length=limit)


async def delete_comment(db: AsyncIOMotorDatabase, comment: CommentDoc) -> None:
    await db.comments.delete_one({"_id": comment["_id"]})
    await db.recipes.update_one({"_id": comment["recipe_id"]}, {"$inc": {"comment_count": -1}})


def can_delete(comment: CommentDoc, user: Dict[str, Any], recipe: Dict[str, Any]) -> bool:
    if user.get("role") in ("moderator", "admin"):
        return True
    return user["_id"] in (comment["author_id"], recipe["author_id"])
