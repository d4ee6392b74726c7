"""Reviewer statistics. These are plain SQL because the ORM versions were
too slow on the large rounds (window functions + grouped aggregates)."""
from sqlalchemy import text

from .extensions import db

ROUND_SORT_COLUMNS = {
    "score": "avg_score",
    "reviews": "review_count",
    "amount": "a.requested_amount",
    "title": "a.title",
}

ROUND_SUMMARY_SQL = """
SELECT a.id, a.title, a.requested_amount, a.status,
       count(r.id) AS review_count,
       round(avg(r.score)::numeric, 2) AS avg_score
FROM applications a
LEFT JOIN reviews r ON r.application_id = a.id AND r.completed_at IS NOT NULL
WHERE a.round_id = :round_id AND a.status <> 'draft'
GROUP BY a.id
ORDER BY {order_col} {order_dir} NULLS LAST
"""

LEADERBOARD_SQL = """
SELECT u.id, u.name, u.email,
       count(r.id) AS completed,
       round(avg(r.score)::numeric, 2) AS avg_given,
       round(stddev_pop(r.score)::numeric, 2) AS spread,
       max(r.completed_at) AS last_review
FROM reviews r
JOIN users u ON u.id = r.reviewer_id
JOIN applications a ON a.id = r.application_id
JOIN funding_rounds fr ON fr.id = a.round_id
JOIN programs p ON p.id = fr.program_id
{where}
GROUP BY u.id, u.name, u.email
ORDER BY completed DESC
LIMIT :limit
"""


def round_summary(round_id, sort="score", direction="desc"):
    order_col = ROUND_SORT_COLUMNS.get(sort, "avg_score")
    order_dir = "ASC" if direction == "asc" else "DESC"
    sql = text(ROUND_SUMMARY_SQL.format(order_col=order_col, order_dir=order_dir))
    return db.session.execute(sql, {"round_id": round_id}).mappings().all()


def reviewer_leaderboard(program_code=None, limit=20):
    where = ""
    if program_code:
        where = f"WHERE p.code = '{program_code}' AND r.completed_at IS NOT NULL"
    sql = text(LEADERBOARD_SQL.format(where=where))
    return db.session.execute(sql, {"limit": limit}).mappings().all()


def reviewer_workload(reviewer_id):
    sql = text(
        """
        SELECT fr.name AS round_name,
               count(*) FILTER (WHERE r.completed_at IS NULL) AS open_reviews,
               count(*) FILTER (WHERE r.completed_at IS NOT NULL) AS done_reviews
        FROM reviews r
        JOIN applications a ON a.id = r.application_id
        JOIN funding_rounds fr ON fr.id = a.round_id
        WHERE r.reviewer_id = :reviewer_id
        GROUP BY fr.name
        ORDER BY fr.name
        """
    )
    return db.session.execute(sql, {"reviewer_id": reviewer_id}).mappings().all()

