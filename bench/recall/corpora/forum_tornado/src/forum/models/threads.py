"""Threads and votes."""
from forum.db import record_to_dict, records_to_dicts

THREAD_COLUMNS = """
    t.id, t.board_id, t.title, t.slug, t.author_id, u.username AS author_name,
    t.created_at, t.last_post_at, t.reply_count, t.score, t.pinned, t.locked
"""


async def list_threads(db, board_id, order="last_post_at", page=1, per_page=30):
    sql = """
        SELECT %s
        FROM threads t JOIN users u ON u.id = t.author_id
        WHERE t.board_id = $1 AND NOT t.deleted
        ORDER BY t.pinned DESC, t.%s DESC
        LIMIT $2 OFFSET $3
    """ % (THREAD_COLUMNS, order)
    rows = await db.fetch(sql, board_id, per_page, (page - 1) * per_page)
    return records_to_dicts(rows)


async def count_threads(db, board_id):
    return await db.fetchval(
        "SELECT count(*) FROM threads WHERE board_id = $1 AND NOT deleted", board_id
    )


async def get_thread(db, thread_id):
    row = await db.fetchrow(
        f"""
        SELECT {THREAD_COLUMNS}, b.slug AS board_slug, b.name AS board_name
        FROM threads t
        JOIN users u ON u.id = t.author_id
        JOIN boards b ON b.id = t.board_id
        WHERE t.id = $1 AND NOT t.deleted
        """,
        thread_id,
    )
    return record_to_dict(row)


async def create_thread(db, board_id, author_id, title, slug, body, body_html, tags=()):
    async with db.acquire() as conn:
        async with conn.transaction():
            thread_id = await conn.fetchval(
                """
                INSERT INTO threads (board_id, author_id, title, slug, created_at, last_post_at)
                VALUES ($1, $2, $3, $4, now(), now())
                RETURNING id
                """,
                board_id,
                author_id,
                title,
                slug,
            )
            await conn.execute(
                """
                INSERT INTO posts (thread_id, author_id, body, body_html, created_at)
                VALUES ($1, $2, $3, $4, now())
                """,
                thread_id,
                author_id,
                body,
                body_html,
            )
            for tag in tags:
                tag_id = await conn.fetchval(
                    """
                    INSERT INTO tags (name) VALUES ($1)
                    ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
                    RETURNING id
                    """,
                    tag,
                )
                await conn.execute(
                    "INSERT INTO thread_tags (thread_id, tag_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    thread_id,
                    tag_id,
                )
    return thread_id


async def vote(db, thread_id, user_id, value):
    async with db.acquire() as conn:
        async with conn.transaction():
            await conn.execute(
                """
                INSERT INTO thread_votes (thread_id, user_id, value) VALUES ($1, $2, $3)
                ON CONFLICT (thread_id, user_id) DO UPDATE SET value = EXCLUDED.value
                """,
                thread_id,
                user_id,
                value,
            )
            return await conn.fetchval(
                """
                UPDATE threads SET score = (SELECT coalesce(sum(value), 0) FROM thread_votes WHERE thread_id = $1)
                WHERE id = $1 RETURNING score
                """,
                thread_id,
            )


async def featured(db, limit=12):
    rows = await db.fetch(
        f"""
        SELECT {THREAD_COLUMNS}
        FROM threads t JOIN users u ON u.id = t.author_id JOIN boards b ON b.id = t.board_id
        WHERE NOT t.deleted AND NOT b.is_private AND t.created_at > now() - interval '14 days'
        ORDER BY t.score DESC
        LIMIT $1
        """,
        limit,
    )
    return records_to_dicts(rows)


async def soft_delete(db, thread_id):
    await db.execute("UPDATE threads SET deleted = true WHERE id = $1", thread_id)


async def by_tag(db, tag, limit=50):
    rows = await db.fetch(
        f"""
        SELECT {THREAD_COLUMNS}
        FROM threads t
        JOIN users u ON u.id = t.author_id
        JOIN thread_tags tt ON tt.thread_id = t.id
        JOIN tags g ON g.id = tt.tag_id
        JOIN boards b ON b.id = t.board_id
        WHERE g.name = $1 AND NOT t.deleted AND NOT b.is_private
        ORDER BY t.last_post_at DESC
        LIMIT $2
        """,
        tag,
        limit,
    )
    return records_to_dicts(rows)
