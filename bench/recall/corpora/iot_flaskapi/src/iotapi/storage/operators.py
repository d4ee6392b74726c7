"""Operator accounts for the server-rendered console.

Operators are support staff, kept apart from the API users table; the
console predates the API and still has its own account store.
"""
import hashlib
import hmac
import secrets

from .db import cursor


def _digest(salt, password):
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()


def create_operator(username, password, full_name):
    salt = secrets.token_hex(16)
    with cursor(commit=True) as cur:
        cur.execute(
            "INSERT INTO operators (username, full_name, salt, password_hash) VALUES (%s, %s, %s, %s) RETURNING id",
            (username, full_name, salt, _digest(salt, password)),
        )
        return cur.fetchone()["id"]


def get_operator(operator_id):
    with cursor() as cur:
        cur.execute("SELECT id, username, full_name, is_active FROM operators WHERE id = %s", (operator_id,))
        return cur.fetchone()


def check_credentials(username, password):
    with cursor() as cur:
        cur.execute(
            "SELECT id, username, full_name, salt, password_hash, is_active FROM operators WHERE username = %s",
            (username,),
        )
        row = cur.fetchone()
    if row is None or not row["is_active"]:
        return None
    if hmac.compare_digest(_digest(row["salt"], password), row["password_hash"]):
        return row
    return None
