"""Refresh tokens for the mobile app and notifications."""
from forum.db import records_to_dicts


async def store_refresh(db, token_id, user_id, device):
    await db.execute(
        "INSERT INTO refresh_tokens (id, user_id, device, created_at) VALUES ($1, $2, $3, now())",
        token_id,
        user_id,
        device,
    )


async def is_revoked(db, token_id):
    row = await db.fetchrow("SELECT revoked_at FROM refresh_tokens WHERE id = $1", token_id)
    return row is None or row["revoked_at"] is not None


async def rotate(db, old_id, new_id, user_id):
    async with db.acquire() as conn:
        async with conn.transaction():
            device = await conn.fetchval(
                "UPDATE refresh_tokens SET revoked_at = now() WHERE id = $1 RETURNING device", old_id
            )
            await conn.execute(
                "INSERT INTO refresh_tokens (id, user_id, device, created_at) VALUES ($1, $2, $3, now())",
                new_id,
                user_id,
                device,
            )


async def active_count(db, user_id):
    return await db.fetchval(
        "SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL", user_id
    )


async def notifications(db, user_id, unread_only=False, limit=50):
    sql = """
        SELECT id, kind, thread_id, post_id, actor_name, created_at, read_at
        FROM notifications WHERE user_id = $1
    """
    if unread_only:
        sql += " AND read_at IS NULL"
    sql += " ORDER BY created_at DESC LIMIT $2"
    return records_to_dicts(await db.fetch(sql, user_id, limit))


async def add_notification(db, user_id, kind, thread_id, post_id, actor_name):
    await db.execute(
        """
        INSERT INTO notifications (user_id, kind, thread_id, post_id, actor_name, created_at)
        VALUES ($1, $2, $3, $4, $5, now())
        """,
        user_id,
        kind,
        thread_id,
        post_id,
        actor_name,
    )
