"""API users (device owners and admins)."""
from .db import cursor

_SORTABLE = {
    "email": "email",
    "created": "created_at",
    "role": "role, email",
}


def get_by_email(email):
    with cursor() as cur:
        cur.execute(
            "SELECT id, email, display_name, role, password_hash FROM users WHERE lower(email) = lower(%(email)s)",
            {"email": email},
        )
        return cur.fetchone()


def get_by_id(user_id):
    with cursor() as cur:
        cur.execute("SELECT id, email, display_name, role, created_at FROM users WHERE id = %s", (user_id,))
        return cur.fetchone()


def create_user(email, password_hash, display_name, role="owner"):
    with cursor(commit=True) as cur:
        cur.execute(
            "INSERT INTO users (email, password_hash, display_name, role) VALUES (%s, %s, %s, %s) RETURNING id",
            (email.lower(), password_hash, display_name, role),
        )
        return cur.fetchone()["id"]


def update_password(user_id, password_hash):
    with cursor(commit=True) as cur:
        cur.execute(
            "UPDATE users SET password_hash = %s, password_changed_at = now() WHERE id = %s",
            (password_hash, user_id),
        )
        return cur.rowcount == 1


def set_role(user_id, role):
    with cursor(commit=True) as cur:
        cur.execute("UPDATE users SET role = %s WHERE id = %s", (role, user_id))


def list_users(sort="created", limit=100):
    column = _SORTABLE.get(sort, "created_at")
    with cursor() as cur:
        cur.execute(f"SELECT id, email, display_name, role, created_at FROM users ORDER BY {column} LIMIT %s", (limit,))
        return cur.fetchall()
