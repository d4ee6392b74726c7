"""Posts within a thread."""
from forum.db import placeholders, record_to_dict, records_to_dicts

ORDERINGS = {
    "oldest": "p.created_at ASC",
    "newest": "p.created_at DESC",
    "top": "p.score DESC, p.created_at ASC",
}


async def list_posts(db, thread_id, order="oldest", page=1, per_page=25):
    order_by = ORDERINGS.get(order, ORDERINGS["oldest"])
    rows = await db.fetch(
        f"""
        SELECT p.id, p.thread_id, p.author_id, u.username AS author_name, u.email AS author_email,
               p.body, p.body_html, p.created_at, p.edited_at, p.score
        FROM posts p JOIN users u ON u.id = p.author_id
        WHERE p.thread_id = $1 AND NOT p.deleted
        ORDER BY {order_by}
        LIMIT $2 OFFSET $3
        """,
        thread_id,
        per_page,
        (page - 1) * per_page,
    )
    return records_to_dicts(rows)


async def count_posts(db, thread_id):
    return await db.fetchval("SELECT count(*) FROM posts WHERE thread_id = $1 AND NOT deleted", thread_id)


async def get_post(db, post_id):
    row = await db.fetchrow(
        """
        SELECT p.id, p.thread_id, p.author_id, p.body, p.body_html, p.created_at, t.locked
        FROM posts p JOIN threads t ON t.id = p.thread_id
        WHERE p.id = $1 AND NOT p.deleted
        """,
        post_id,
    )
    return record_to_dict(row)


async def add_post(db, thread_id, author_id, body, body_html):
    async with db.acquire() as conn:
        async with conn.transaction():
            post_id = await conn.fetchval(
                """
                INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
                VALUES ($1, $2, $3, $4, now()) RETURNING id
                """,
                thread_id,
                author_id,
                body,
                body_html,
            )
            await conn.execute(
                "UPDATE threads SET reply_count = reply_count + 1, last_post_at = now() WHERE id = $1",
                thread_id,
            )
            await conn.execute("UPDATE users SET post_count = post_count + 1 WHERE id = $1", author_id)
    return post_id


async def edit_post(db, post_id, body, body_html):
    await db.execute(
        "UPDATE posts SET body = $1, body_html = $2, edited_at = now() WHERE id = $3",
        body,
        body_html,
        post_id,
    )


async def delete_posts(db, post_ids):
    if not post_ids:
        return 0
    ids = [int(i) for i in post_ids]
    result = await db.execute(
        f"UPDATE posts SET deleted = true WHERE id IN ({placeholders(len(ids))})", *ids
    )
    return int(result.split()[-1])
