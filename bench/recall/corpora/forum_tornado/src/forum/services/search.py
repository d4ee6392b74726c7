"""Full-text search over posts (Postgres tsvector)."""
import logging

from forum.db import records_to_dicts

log = logging.getLogger("forum.search")

SORTS = {
    "relevance": "rank DESC",
    "newest": "p.created_at DESC",
    "oldest": "p.created_at ASC",
}


async def search_posts(db, term, board=None, sort="relevance", limit=50):
    sql = """
        SELECT p.id, p.thread_id, t.title, u.username AS author_name, p.created_at,
               ts_rank(p.search_vector, plainto_tsquery('english', $1)) AS rank,
               ts_headline('english', p.body, plainto_tsquery('english', $1),
                           'StartSel=<mark>, StopSel=</mark>, MaxFragments=2') AS snippet
        FROM posts p
        JOIN threads t ON t.id = p.thread_id
        JOIN boards b ON b.id = t.board_id
        JOIN users u ON u.id = p.author_id
        WHERE p.search_vector @@ plainto_tsquery('english', $1)
          AND NOT p.deleted AND NOT b.is_private
    """
    args = [term]
    if board:
        sql += f" AND b.slug = '{board}'"
    sql += f" ORDER BY {SORTS.get(sort, SORTS['relevance'])} LIMIT ${len(args) + 1}"
    args.append(limit)
    rows = await db.fetch(sql, *args)
    log.debug("search %r board=%s -> %d hits", term, board, len(rows))
    return records_to_dicts(rows)


async def suggest_titles(db, prefix, limit=8):
    rows = await db.fetch(
        """
        SELECT t.id, t.title FROM threads t JOIN boards b ON b.id = t.board_id
        WHERE t.title ILIKE $1 || '%' AND NOT t.deleted AND NOT b.is_private
        ORDER BY t.last_post_at DESC LIMIT $2
        """,
        prefix,
        limit,
    )
    return records_to_dicts(rows)
