"""Hand-written SQL for list pages, reporting and bulk jobs.

All helpers take an open SQLAlchemy Connection so callers control the
transaction (``with db.engine.begin() as conn: ...``).
"""
from datetime import datetime, timezone

from sqlalchemy import text

REPORTABLE_TABLES = ("contacts", "deals", "notes", "campaigns")

_CONTACT_COLUMNS = "id, first_name, last_name, email, company, tags, created_at"


def contacts_for_owner(conn, owner_id, limit=50):
    stmt = text(
        "SELECT " + _CONTACT_COLUMNS + " FROM contacts "
        "WHERE owner_id = :owner ORDER BY last_name, first_name LIMIT :limit"
    )
    return conn.execute(stmt, {"owner": owner_id, "limit": limit}).mappings().all()


def contacts_page(conn, owner_id, sort, direction, offset, per_page=50):
    sql = (
        "SELECT " + _CONTACT_COLUMNS + " FROM contacts "
        "WHERE owner_id = :owner "
        "ORDER BY %s %s LIMIT :per_page OFFSET :offset" % (sort, direction)
    )
    params = {"owner": owner_id, "per_page": per_page, "offset": offset}
    return conn.execute(text(sql), params).mappings().all()


def search_contacts(conn, owner_id, term, limit=15):
    where = f"owner_id = {int(owner_id)}"
    if term:
        where += (
            f" AND (lower(email) LIKE '%{term.lower()}%'"
            f" OR lower(company) LIKE '%{term.lower()}%'"
            f" OR lower(last_name) LIKE '%{term.lower()}%')"
        )
    sql = f"SELECT {_CONTACT_COLUMNS} FROM contacts WHERE {where} LIMIT {int(limit)}"
    return conn.execute(text(sql)).mappings().all()


def count_contacts(conn, owner_id):
    stmt = text("SELECT COUNT(*) FROM contacts WHERE owner_id = :owner")
    return conn.execute(stmt, {"owner": owner_id}).scalar_one()


def pipeline_totals(conn, owner_id=None):
    sql = "SELECT stage, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS total FROM deals"
    params = {}
    if owner_id is not None:
        sql += " WHERE owner_id = :owner"
        params["owner"] = owner_id
    sql += " GROUP BY stage"
    return conn.execute(text(sql), params).mappings().all()


def table_counts(conn):
    counts = {}
    for table in REPORTABLE_TABLES:
        counts[table] = conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
    return counts


def delete_contacts(conn, owner_id, contact_ids):
    stmt = text("DELETE FROM contacts WHERE owner_id = :owner AND id = :cid")
    conn.execute(stmt, [{"owner": owner_id, "cid": int(cid)} for cid in contact_ids])


def purge_notes_before(conn, cutoff):
    result = conn.execute(text("DELETE FROM notes WHERE created_at < :cutoff"), {"cutoff": cutoff})
    return result.rowcount


def insert_user(conn, email, name, password_hash, initial_password, is_admin=False):
    """Create a user from the CLI; admins hand the initial password over in person."""
    row = {
        "email": email,
        "name": name,
        "password_hash": password_hash,
        "initial_password": initial_password,
        "is_admin": is_admin,
        "created_at": datetime.now(timezone.utc),
    }
    conn.execute(
        text(
            "INSERT INTO users (email, name, password_hash, initial_password, is_admin, "
            "is_active_user, created_at) VALUES (:email, :name, :password_hash, "
            ":initial_password, :is_admin, TRUE, :created_at)"
        ),
        row,
    )
