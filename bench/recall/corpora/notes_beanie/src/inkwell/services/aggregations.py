"""Mongo aggregation pipelines used by dashboards and the admin area."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from beanie import PydanticObjectId

from inkwell.models import Note, ShareLink, User
from inkwell.utils import utcnow


async def tag_counts(owner_id: PydanticObjectId, limit: int = 100) -> list[dict[str, Any]]:
    pipeline = [
        {"$match": {"owner_id": owner_id, "is_archived": False}},
        {"$unwind": "$tags"},
        {"$group": {"_id": "$tags", "count": {"$sum": 1}, "last_used": {"$max": "$updated_at"}}},
        {"$sort": {"count": -1, "_id": 1}},
        {"$limit": limit},
        {"$project": {"_id": 0, "tag": "$_id", "count": 1, "last_used": 1}},
    ]
    return await Note.aggregate(pipeline).to_list()


async def edits_per_day(owner_id: PydanticObjectId, days: int = 30) -> list[dict[str, Any]]:
    since = utcnow() - timedelta(days=days)
    pipeline = [
        {"$match": {"owner_id": owner_id, "updated_at": {"$gte": since}}},
        {
            "$group": {
                "_id": {"$dateToString": {"format": "%Y-%m-%d", "date": "$updated_at"}},
                "notes": {"$sum": 1},
                "words": {"$sum": "$word_count"},
            }
        },
        {"$sort": {"_id": 1}},
        {"$project": {"_id": 0, "day": "$_id", "notes": 1, "words": 1}},
    ]
    return await Note.aggregate(pipeline).to_list()


async def notebook_activity(notebook_id: PydanticObjectId) -> list[dict[str, Any]]:
    pipeline = [
        {"$match": {"notebook_id": notebook_id}},
        {"$group": {"_id": "$last_editor_id", "edits": {"$sum": 1}, "last": {"$max": "$updated_at"}}},
        {
            "$lookup": {
                "from": User.get_collection_name(),
                "localField": "_id",
                "foreignField": "_id",
                "as": "editor",
            }
        },
        {"$unwind": {"path": "$editor", "preserveNullAndEmptyArrays": True}},
        {
            "$project": {
                "_id": 0,
                "user_id": {"$toString": "$_id"},
                "display_name": "$editor.display_name",
                "edits": 1,
                "last": 1,
            }
        },
        {"$sort": {"edits": -1}},
    ]
    return await Note.aggregate(pipeline).to_list()


async def admin_overview() -> dict[str, Any]:
    week_ago = utcnow() - timedelta(days=7)
    users_total = await User.count()
    users_new = await User.find(User.created_at >= week_ago).count()
    notes_total = await Note.count()
    active_links = await ShareLink.find(ShareLink.revoked == False).count()  # noqa: E712

    top_sharers = await ShareLink.aggregate(
        [
            {"$match": {"created_at": {"$gte": week_ago}}},
            {"$group": {"_id": "$created_by", "links": {"$sum": 1}, "views": {"$sum": "$view_count"}}},
            {"$sort": {"links": -1}},
            {"$limit": 10},
            {
                "$lookup": {
                    "from": User.get_collection_name(),
                    "localField": "_id",
                    "foreignField": "_id",
                    "as": "user",
                }
            },
            {"$unwind": "$user"},
            {"$project": {"_id": 0, "email": "$user.email", "links": 1, "views": 1}},
        ]
    ).to_list()

    return {
        "users": {"total": users_total, "new_7d": users_new},
        "notes": {"total": notes_total},
        "share_links": {"active": active_links, "top_sharers_7d": top_sharers},
    }
