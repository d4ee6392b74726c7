"""Back-office staff accounts."""
from __future__ import annotations

from ..db import placeholder


def get_by_email(conn, email: str):
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"SELECT id, email, password_hash, role, active FROM staff WHERE email = {mark}",
        (email.lower(),),
    )
    return cur.fetchone()


def get_by_id(conn, staff_id: int):
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(f"SELECT id, email, role, active FROM staff WHERE id = {mark}", (staff_id,))
    return cur.fetchone()
