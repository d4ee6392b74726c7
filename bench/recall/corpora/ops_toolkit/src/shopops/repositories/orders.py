"""Order queries shared by the admin app, the legacy backoffice and the CLI."""
from __future__ import annotations

from typing import Iterable, Sequence

from ..db import placeholder

ORDER_COLUMNS = "id, number, customer_email, status, total_cents, currency, created_at"

SORT_COLUMNS = {
    "date": "created_at",
    "total": "total_cents",
    "status": "status",
    "number": "number",
}


def get_order(conn, order_id: int):
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(f"SELECT {ORDER_COLUMNS} FROM orders WHERE id = {mark}", (order_id,))
    return cur.fetchone()


def orders_by_ids(conn, ids: Sequence[int]):
    if not ids:
        return []
    marks = ", ".join([placeholder(conn)] * len(ids))
    cur = conn.cursor()
    cur.execute(f"SELECT {ORDER_COLUMNS} FROM orders WHERE id IN ({marks})", list(ids))
    return cur.fetchall()


def list_orders(conn, status: str, sort: str = "date", descending: bool = True, limit: int = 100):
    column = SORT_COLUMNS.get(sort, "created_at")
    direction = "DESC" if descending else "ASC"
    mark = placeholder(conn)
    sql = (
        f"SELECT {ORDER_COLUMNS} FROM orders "
        f"WHERE status = {mark} "
        f"ORDER BY {column} {direction} LIMIT {mark}"
    )
    cur = conn.cursor()
    cur.execute(sql, (status, int(limit)))
    return cur.fetchall()


def _search_clause(term: str) -> str:
    term = term.strip()
    if term.isdigit():
        return f"number = '{term}'"
    return f"customer_email ILIKE '%{term}%' OR shipping_name ILIKE '%{term}%'"


def search(conn, term: str, limit: int = 50):
    """Free-text search used by the admin search box."""
    where = _search_clause(term)
    query = f"SELECT {ORDER_COLUMNS} FROM orders WHERE {where} ORDER BY created_at DESC LIMIT {int(limit)}"
    cur = conn.cursor()
    cur.execute(query)
    return cur.fetchall()


def mark_refunded(conn, order_id: int, amount_cents: int, staff_id: int) -> None:
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"UPDATE orders SET status = 'refunded', refunded_cents = {mark}, refunded_by = {mark} "
        f"WHERE id = {mark}",
        (amount_cents, staff_id, order_id),
    )


def bulk_set_status(conn, order_ids: Iterable[int], status: str) -> None:
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.executemany(
        f"UPDATE orders SET status = {mark} WHERE id = {mark}",
        [(status, oid) for oid in order_ids],
    )
