"""User reports on posts, handled in the moderation console."""
from forum.db import record_to_dict, records_to_dicts


async def create_report(db, post_id, reporter_id, reason):
    return await db.fetchval(
        """
        INSERT INTO reports (post_id, reporter_id, reason, created_at)
        VALUES ($1, $2, $3, now()) RETURNING id
        """,
        post_id,
        reporter_id,
        reason,
    )


async def open_reports(db, limit=100):
    rows = await db.fetch(
        """
        SELECT r.id, r.post_id, r.reason, r.created_at, u.username AS reporter,
               p.body AS post_body, p.thread_id, a.username AS author, a.id AS author_id
        FROM reports r
        JOIN users u ON u.id = r.reporter_id
        JOIN posts p ON p.id = r.post_id
        JOIN users a ON a.id = p.author_id
        WHERE r.resolved_at IS NULL
        ORDER BY r.created_at
        LIMIT $1
        """,
        limit,
    )
    return records_to_dicts(rows)


async def get_report(db, report_id):
    row = await db.fetchrow(
        """
        SELECT r.id, r.post_id, p.author_id, p.thread_id
        FROM reports r JOIN posts p ON p.id = r.post_id
        WHERE r.id = $1
        """,
        report_id,
    )
    return record_to_dict(row)


async def resolve(db, report_id, moderator_id, action):
    await db.execute(
        "UPDATE reports SET resolved_at = now(), resolved_by = $1, action = $2 WHERE id = $3",
        moderator_id,
        action,
        report_id,
    )


async def record_audit(db, moderator_id, action, target, details=None):
    await db.execute(
        "INSERT INTO audit_log (moderator_id, action, target, details, created_at) VALUES ($1, $2, $3, $4, now())",
        moderator_id,
        action,
        target,
        details or {},
    )


async def audit_entries(db, limit=200):
    rows = await db.fetch(
        """
        SELECT a.id, a.action, a.target, a.details, a.created_at, u.username AS moderator
        FROM audit_log a JOIN users u ON u.id = a.moderator_id
        ORDER BY a.created_at DESC LIMIT $1
        """,
        limit,
    )
    return records_to_dicts(rows)
