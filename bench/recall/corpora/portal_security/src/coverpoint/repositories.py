"""Read-side queries for the portal and the partner API.

Listing screens need a couple of computed columns and partner filtering that
are simpler to express as SQL than through the ORM, so they live here.
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable

from sqlalchemy import bindparam, func, select, text

from .extensions import db
from .models import Claim, Policy

POLICY_COLUMNS = (
    "p.id, p.policy_number, p.product, p.carrier, p.status, p.premium, "
    "p.start_date, p.end_date, p.updated_at"
)

OPEN_CLAIM_COUNT = (
    "(SELECT COUNT(*) FROM claim c WHERE c.policy_id = p.id "
    "AND c.status IN ('submitted', 'in_review', 'awaiting_info')) AS open_claims"
)

PARTNER_SORTS = {
    "updated": "p.updated_at DESC",
    "start": "p.start_date ASC",
    "end": "p.end_date ASC",
    "number": "p.policy_number ASC",
}


def customer_policies(customer_id: int, sort: str = "start_date", direction: str = "desc"):
    """Policies for the dashboard table, sortable by any column header."""
    sql = f"""
        SELECT {POLICY_COLUMNS}, {OPEN_CLAIM_COUNT}
        FROM policy p
        WHERE p.customer_id = :customer_id
        ORDER BY p.{sort} {direction}
    """
    return db.session.execute(text(sql), {"customer_id": customer_id}).mappings().all()


def policy_for_customer(policy_number: str, customer_id: int) -> Policy | None:
    stmt = select(Policy).where(Policy.policy_number == policy_number, Policy.customer_id == customer_id)
    return db.session.scalar(stmt)


def partner_policies(
    partner_id: int,
    *,
    statuses: Iterable[str] = (),
    sort: str = "updated",
    limit: int = 50,
    offset: int = 0,
):
    order_by = PARTNER_SORTS.get(sort, PARTNER_SORTS["updated"])
    where = ["p.partner_id = :partner_id"]
    params: dict = {"partner_id": partner_id, "limit": limit, "offset": offset}
    statuses = [s for s in statuses if s]
    if statuses:
        where.append("p.status IN :statuses")
        params["statuses"] = statuses

    stmt = text(
        f"SELECT {POLICY_COLUMNS}, cu.reference AS customer_reference "
        f"FROM policy p JOIN customer cu ON cu.id = p.customer_id "
        f"WHERE {' AND '.join(where)} "
        f"ORDER BY {order_by} LIMIT :limit OFFSET :offset"
    )
    if statuses:
        stmt = stmt.bindparams(bindparam("statuses", expanding=True))
    return db.session.execute(stmt, params).mappings().all()


def partner_policy(partner_id: int, policy_number: str) -> Policy | None:
    return db.session.scalar(
        select(Policy).where(Policy.partner_id == partner_id, Policy.policy_number == policy_number)
    )


def partner_claims(partner_id: int, statuses: list[str] | None = None, since: datetime | None = None):
    sql = (
        "SELECT c.reference, c.title, c.status, c.incident_date, c.amount_claimed, "
        "c.updated_at, p.policy_number "
        "FROM claim c JOIN policy p ON p.id = c.policy_id "
        "WHERE p.partner_id = :partner_id"
    )
    params: dict = {"partner_id": partner_id}
    if statuses:
        quoted = ", ".join(f"'{status}'" for status in statuses)
        sql += f" AND c.status IN ({quoted})"
    if since:
        sql += " AND c.updated_at >= :since"
        params["since"] = since
    sql += " ORDER BY c.updated_at DESC"
    return db.session.execute(text(sql), params).mappings().all()


def claim_counts_by_status(customer_id: int) -> dict[str, int]:
    stmt = (
        select(Claim.status, func.count(Claim.id))
        .join(Policy)
        .where(Policy.customer_id == customer_id)
        .group_by(Claim.status)
    )
    return {status: count for status, count in db.session.execute(stmt)}
