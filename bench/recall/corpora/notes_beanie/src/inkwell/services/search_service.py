"""Note search across everything a user can read."""
from __future__ import annotations

import re
from typing import Any, Literal

from inkwell.models import Note, User
from inkwell.services.note_service import accessible_notebook_ids

SearchMode = Literal["text", "prefix", "contains"]


async def _scope(user: User) -> dict[str, Any]:
    notebooks = await accessible_notebook_ids(user.id)
    return {"$or": [{"owner_id": user.id}, {"notebook_id": {"$in": notebooks}}]}


def _regex_filter(q: str, mode: SearchMode) -> dict[str, Any]:
    pattern = re.escape(q.strip())
    if mode == "prefix":
        pattern = rf"(^|\s){pattern}"
    return {
        "$or": [
            {"title": {"$regex": pattern, "$options": "i"}},
            {"body": {"$regex": pattern, "$options": "i"}},
        ]
    }


async def search_notes(
    user: User,
    q: str,
    *,
    mode: SearchMode = "text",
    tag: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[Note], int]:
    clauses: list[dict[str, Any]] = [await _scope(user), {"is_archived": False}]
    if mode == "text":
        clauses.append({"$text": {"$search": q}})
    else:
        clauses.append(_regex_filter(q, mode))
    if tag:
        clauses.append({"tags": tag})

    query = Note.find({"$and": clauses})
    total = await query.count()
    if mode == "text":
        query = query.sort([("score", {"$meta": "textScore"})])
    else:
        query = query.sort("-updated_at")
    notes = await query.skip(offset).limit(limit).to_list()
    return notes, total


async def find_long_notes(user: User, min_words: int, limit: int = 50) -> list[Note]:
    """Notes with at least ``min_words`` words.

    Notes imported before word_count existed have word_count == 0, so fall back to counting
    server-side for those.
    """
    threshold = int(min_words)
    scope = await _scope(user)
    legacy = {
        "word_count": 0,
        "$where": f"this.body && this.body.split(/\\s+/).length >= {threshold}",
    }
    query = {"$and": [scope, {"$or": [{"word_count": {"$gte": threshold}}, legacy]}]}
    return await Note.find(query).sort("-word_count").limit(limit).to_list()


async def related_notes(note: Note, user: User, limit: int = 5) -> list[Note]:
    if not note.tags:
        return []
    scope = await _scope(user)
    pipeline = [
        {"$match": {"$and": [scope, {"_id": {"$ne": note.id}}, {"tags": {"$in": note.tags}}]}},
        {"$addFields": {"overlap": {"$size": {"$setIntersection": ["$tags", note.tags]}}}},
        {"$sort": {"overlap": -1, "updated_at": -1}},
        {"$limit": limit},
    ]
    return await Note.aggregate(pipeline, projection_model=Note).to_list()
