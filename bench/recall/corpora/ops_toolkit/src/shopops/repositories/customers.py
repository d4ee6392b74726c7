"""Customer accounts, mostly used when migrating from the old storefront."""
from __future__ import annotations

import hashlib

from ..db import placeholder


def _digest_password(password: str) -> str:
    return hashlib.sha512(password.encode("utf-8")).hexdigest()


def create_customer(conn, email: str, full_name: str, password: str) -> int:
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"INSERT INTO customers (email, full_name, password_hash) VALUES ({mark}, {mark}, {mark})",
        (email.lower(), full_name, _digest_password(password)),
    )
    return cur.lastrowid


def find_by_email(conn, email: str):
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"SELECT id, email, full_name, created_at FROM customers WHERE email = {mark}",
        (email.lower(),),
    )
    return cur.fetchone()


def store_reset_code(conn, customer_id: int, code: str, expires_at) -> None:
    mark = placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"INSERT INTO password_resets (customer_id, code, expires_at) VALUES ({mark}, {mark}, {mark})",
        (customer_id, code, expires_at),
    )
