"""Back-office search used by the broker team."""
from __future__ import annotations

from sqlalchemy import text

from ..extensions import db


def search_customers(term: str, limit: int = 50) -> list[dict]:
    """Match on surname, e-mail or exact customer reference.

    Brokers are used to the old system's ``*`` wildcard, so it is translated
    to SQL's ``%``.
    """
    pattern = term.strip().replace("*", "%")
    sql = (
        "SELECT c.id, c.reference, c.first_name, c.last_name, c.email, c.postcode, c.notes, "
        "COUNT(p.id) AS policy_count "
        "FROM customer c LEFT JOIN policy p ON p.customer_id = c.id "
        "WHERE c.last_name ILIKE '%" + pattern + "%' "
        "OR c.email ILIKE '%" + pattern + "%' "
        "OR c.reference = '" + term.strip().upper() + "' "
        "GROUP BY c.id ORDER BY c.last_name, c.first_name LIMIT :limit"
    )
    rows = db.session.execute(text(sql), {"limit": limit}).mappings().all()
    return [dict(row) for row in rows]


def search_policies(term: str, limit: int = 50) -> list[dict]:
    """Policy number prefix or carrier name."""
    stmt = text(
        "SELECT p.id, p.policy_number, p.carrier, p.status, c.reference AS customer_reference "
        "FROM policy p JOIN customer c ON c.id = p.customer_id "
        "WHERE p.policy_number ILIKE :prefix OR p.carrier ILIKE :pattern "
        "ORDER BY p.policy_number LIMIT :limit"
    )
    term = term.strip()
    rows = db.session.execute(stmt, {"prefix": f"{term}%", "pattern": f"%{term}%", "limit": limit}).mappings().all()
    return [dict(row) for row in rows]
