"""SQLite storage: every value is a bound parameter."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app.settings import settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reset_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL
);
"""

# The demo account documented in README.md. Only its Argon2 hash is kept here.
DEMO_USER_EMAIL = "alice@example.com"
DEMO_USER_HASH = "$argon2id$v=19$m=65536,t=3,p=4$TWfFZ4WPR/Yn0n1nVtXxtw$xF8Fupo4/oKik+0Ps3X6X98FT35SLqIIhIOZGHM4JPA"


@contextmanager
def connection() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(settings.database_path)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def init_db() -> None:
    with connection() as conn:
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR IGNORE INTO users (email, password_hash) VALUES (?, ?)",
                     (DEMO_USER_EMAIL, DEMO_USER_HASH))
        conn.execute("INSERT INTO notes (user_id, title, body) SELECT id, ?, ? FROM users WHERE email = ? "
                     "AND NOT EXISTS (SELECT 1 FROM notes WHERE notes.user_id = users.id)",
                     ("Welcome", "Your first note.", DEMO_USER_EMAIL))


def find_user(email: str) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()


def get_user(user_id: int) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()


def create_user(email: str, password_hash: str) -> int | None:
    """The new user's id, or None if the address is taken."""
    with connection() as conn:
        try:
            cursor = conn.execute("INSERT INTO users (email, password_hash) VALUES (?, ?)", (email, password_hash))
        except sqlite3.IntegrityError:
            return None
        return cursor.lastrowid


def set_password_hash(user_id: int, password_hash: str) -> None:
    with connection() as conn:
        conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))


def create_session(session_id: str, user_id: int, expires_at: int) -> None:
    with connection() as conn:
        conn.execute("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)",
                     (session_id, user_id, expires_at))


def session_user(session_id: str, now: int) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute(
            "SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id "
            "WHERE sessions.id = ? AND sessions.expires_at > ?", (session_id, now)).fetchone()


def delete_session(session_id: str) -> None:
    with connection() as conn:
        conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


def delete_user_sessions(user_id: int) -> None:
    with connection() as conn:
        conn.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))


def store_reset_token(token_hash: str, user_id: int, expires_at: int) -> None:
    with connection() as conn:
        conn.execute("INSERT INTO reset_tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                     (token_hash, user_id, expires_at))


def use_reset_token(token_hash: str, now: int) -> int | None:
    """Mark a valid, unused reset token as used; the user id it belongs to, or None."""
    with connection() as conn:
        row = conn.execute("SELECT user_id FROM reset_tokens WHERE token_hash = ? AND used = 0 AND expires_at > ?",
                           (token_hash, now)).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE reset_tokens SET used = 1 WHERE token_hash = ?", (token_hash,))
        return row["user_id"]


def add_note(user_id: int, title: str, body: str) -> int:
    with connection() as conn:
        cursor = conn.execute("INSERT INTO notes (user_id, title, body) VALUES (?, ?, ?)", (user_id, title, body))
        return cursor.lastrowid


def get_note(user_id: int, note_id: int) -> sqlite3.Row | None:
    with connection() as conn:
        return conn.execute("SELECT * FROM notes WHERE id = ? AND user_id = ?", (note_id, user_id)).fetchone()


def add_subscriber(email: str) -> None:
    with connection() as conn:
        conn.execute("INSERT OR IGNORE INTO subscribers (email) VALUES (?)", (email,))


def list_notes(user_id: int) -> list[sqlite3.Row]:
    with connection() as conn:
        return conn.execute("SELECT * FROM notes WHERE user_id = ? ORDER BY id DESC", (user_id,)).fetchall()


def search_notes(user_id: int, query: str) -> list[sqlite3.Row]:
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    with connection() as conn:
        return conn.execute("SELECT * FROM notes WHERE user_id = ? AND title || ' ' || body LIKE ? ESCAPE '\\' "
                            "ORDER BY id DESC", (user_id, pattern)).fetchall()


def queue_mail(recipient: str, subject: str, body: str) -> None:
    """Mail is not sent: it is written to the outbox table, where a mailer (or a person) picks it up."""
    with connection() as conn:
        conn.execute("INSERT INTO outbox (recipient, subject, body) VALUES (?, ?, ?)", (recipient, subject, body))
