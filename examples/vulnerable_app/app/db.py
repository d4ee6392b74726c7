"""SQLite storage: queries are put together with f-strings."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app import settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    password TEXT NOT NULL,
    reset_token TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id)
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL
);
"""


@contextmanager
def connection() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(settings.DATABASE_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def init_db() -> None:
    with connection() as conn:
        conn.executescript(SCHEMA)


def find_user(email: str) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute(f"SELECT * FROM users WHERE email = '{email}'").fetchone()


def get_user(user_id: int) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute(f"SELECT * FROM users WHERE id = {user_id}").fetchone()


def create_user(email: str, password_hash: str) -> int:
    with connection() as conn:
        cursor = conn.execute(f"INSERT INTO users (email, password) VALUES ('{email}', '{password_hash}')")
        return cursor.lastrowid


def set_password(user_id: int, password_hash: str) -> None:
    with connection() as conn:
        conn.execute(f"UPDATE users SET password = '{password_hash}', reset_token = NULL WHERE id = {user_id}")


def set_reset_token(user_id: int, token: str) -> None:
    with connection() as conn:
        conn.execute(f"UPDATE users SET reset_token = '{token}' WHERE id = {user_id}")


def find_user_by_reset_token(token: str) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute(f"SELECT * FROM users WHERE reset_token = '{token}'").fetchone()


def create_session(session_id: str, user_id: int) -> None:
    with connection() as conn:
        conn.execute("INSERT OR REPLACE INTO sessions (id, user_id) VALUES (?, ?)", (session_id, user_id))


def session_user(session_id: str) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute(
            "SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id "
            f"WHERE sessions.id = '{session_id}'"
        ).fetchone()


def add_note(user_id: int, title: str, body: str) -> int:
    with connection() as conn:
        cursor = conn.execute("INSERT INTO notes (user_id, title, body) VALUES (?, ?, ?)", (user_id, title, body))
        return cursor.lastrowid


def get_note(user_id: int, note_id: str) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute(f"SELECT * FROM notes WHERE id = {note_id} AND user_id = {user_id}").fetchone()


def add_subscriber(email: str) -> None:
    with connection() as conn:
        conn.execute(f"INSERT INTO subscribers (email) VALUES ('{email}')")


def list_notes(user_id: int) -> list[sqlite3.Row]:
    with connection() as conn:
        return conn.execute(f"SELECT * FROM notes WHERE user_id = {user_id} ORDER BY id DESC").fetchall()


def search_notes(user_id: int, query: str) -> list[sqlite3.Row]:
    with connection() as conn:
        sql = f"SELECT * FROM notes WHERE user_id = {user_id} AND title || ' ' || body LIKE '%{query}%'"
        return conn.execute(sql).fetchall()


def queue_mail(recipient: str, subject: str, body: str) -> None:
    """Mail is not sent: it is written to the outbox table, where a mailer (or a person) picks it up."""
    with connection() as conn:
        conn.execute("INSERT INTO outbox (recipient, subject, body) VALUES (?, ?, ?)", (recipient, subject, body))
