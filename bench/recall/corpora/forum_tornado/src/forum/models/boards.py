"""Boards (top-level sections); some are private and need a password or an invite."""
import hashlib

from forum.db import record_to_dict, records_to_dicts


async def list_boards(db, include_private=False):
    sql = """
        SELECT b.id, b.slug, b.name, b.description, b.is_private,
               count(t.id) AS thread_count, max(t.last_post_at) AS last_post_at
        FROM boards b LEFT JOIN threads t ON t.board_id = b.id AND NOT t.deleted
    """
    if not include_private:
        sql += " WHERE NOT b.is_private"
    sql += " GROUP BY b.id ORDER BY b.position"
    return records_to_dicts(await db.fetch(sql))


async def get_by_slug(db, slug):
    row = await db.fetchrow(
        "SELECT id, slug, name, description, is_private, owner_id FROM boards WHERE slug = $1", slug
    )
    return record_to_dict(row)


def _access_digest(raw):
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


async def set_access_password(db, board_id, raw):
    await db.execute(
        "UPDATE boards SET access_hash = $1 WHERE id = $2", _access_digest(raw), board_id
    )


async def check_access_password(db, board_id, raw):
    stored = await db.fetchval("SELECT access_hash FROM boards WHERE id = $1", board_id)
    return stored is not None and stored == _access_digest(raw)


async def grant_access(db, board_id, user_id):
    await db.execute(
        """
        INSERT INTO board_members (board_id, user_id, joined_at) VALUES ($1, $2, now())
        ON CONFLICT DO NOTHING
        """,
        board_id,
        user_id,
    )


async def has_access(db, board, user):
    if not board["is_private"]:
        return True
    if user is None:
        return False
    if user["role"] in ("admin", "moderator") or board["owner_id"] == user["id"]:
        return True
    return bool(
        await db.fetchval(
            "SELECT 1 FROM board_members WHERE board_id = $1 AND user_id = $2", board["id"], user["id"]
        )
    )
