"""sqlite3 access for the web app. No ORM on purpose - the schema is small."""
import os
import sqlite3
from datetime import datetime

from flask import g

import settings

SCHEMA_FILE = os.path.join(settings.BASE_DIR, "schema.sql")

TICKET_LIST_COLUMNS = (
    "t.id, t.subject, t.status, t.priority, t.created_at, t.updated_at, "
    "r.username AS requester, a.username AS assignee"
)
TICKET_LIST_FROM = (
    "FROM tickets t "
    "JOIN users r ON r.id = t.requester_id "
    "LEFT JOIN users a ON a.id = t.assignee_id"
)
TAGGED_TICKETS_SQL = (
    f"SELECT DISTINCT {TICKET_LIST_COLUMNS} {TICKET_LIST_FROM} "
    "JOIN ticket_tags tt ON tt.ticket_id = t.id"
)

# name used by callers -> real table
COUNTABLE_TABLES = {
    "tickets": "tickets",
    "comments": "ticket_comments",
    "users": "users",
    "articles": "kb_articles",
}

USER_UPDATABLE = {"display_name", "email", "signature", "api_key_hash", "is_admin", "is_active"}
TICKET_UPDATABLE = {"status", "priority", "assignee_id", "subject", "closed_at"}


def get_db():
    if "db" not in g:
        conn = sqlite3.connect(settings.DATABASE_PATH, detect_types=sqlite3.PARSE_DECLTYPES)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        g.db = conn
    return g.db


def close_db(exc=None):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_app(app):
    app.teardown_appcontext(close_db)


def init_schema():
    os.makedirs(os.path.dirname(settings.DATABASE_PATH), exist_ok=True)
    with open(SCHEMA_FILE, encoding="utf-8") as fh:
        get_db().executescript(fh.read())


def query(sql, params=(), one=False):
    cur = get_db().execute(sql, params)
    rows = cur.fetchall()
    cur.close()
    if one:
        return rows[0] if rows else None
    return rows


def execute(sql, params=()):
    conn = get_db()
    cur = conn.execute(sql, params)
    conn.commit()
    return cur.lastrowid


def _now():
    return datetime.utcnow().isoformat(timespec="seconds")


# --- users -------------------------------------------------------------------

def get_user(user_id):
    return query("SELECT * FROM users WHERE id = ?", (user_id,), one=True)


def get_user_by_username(username):
    return query("SELECT * FROM users WHERE username = ?", (username,), one=True)


def get_user_by_email(email):
    return query("SELECT * FROM users WHERE lower(email) = ?", (email.lower(),), one=True)


def get_user_by_api_key_hash(key_hash):
    return query("SELECT * FROM users WHERE api_key_hash = ? AND is_active = 1", (key_hash,), one=True)


def create_user(username, email, display_name, password_hash=None, auth_source="local", is_admin=False):
    return execute(
        "INSERT INTO users (username, email, display_name, password_hash, auth_source, is_admin, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (username, email, display_name, password_hash, auth_source, int(is_admin), _now()),
    )


def update_user(user_id, **fields):
    cols = [name for name in fields if name in USER_UPDATABLE]
    if not cols:
        return
    assignments = ", ".join(f"{name} = ?" for name in cols)
    execute(f"UPDATE users SET {assignments} WHERE id = ?", [fields[c] for c in cols] + [user_id])


def set_password_hash(user_id, password_hash):
    execute("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))


def touch_last_login(user_id):
    execute("UPDATE users SET last_login_at = ? WHERE id = ?", (_now(), user_id))


def list_users():
    return query("SELECT * FROM users ORDER BY username")


def list_agents():
    return query("SELECT id, username, display_name FROM users WHERE is_admin = 1 AND is_active = 1 ORDER BY username")


# --- password resets ---------------------------------------------------------

def store_reset_code(user_id, code, expires_at):
    execute(
        "INSERT INTO password_resets (user_id, code, expires_at) VALUES (?, ?, ?)",
        (user_id, code, expires_at.isoformat(timespec="seconds")),
    )


def get_reset(code):
    return query("SELECT * FROM password_resets WHERE code = ?", (code,), one=True)


def delete_resets_for(user_id):
    execute("DELETE FROM password_resets WHERE user_id = ?", (user_id,))


# --- tickets -----------------------------------------------------------------

def search_tickets(text=None, status=None, assignee_id=None, requester_id=None,
                   sort="t.updated_at DESC", limit=50, offset=0):
    clauses, params = [], []
    if text:
        clauses.append("(t.subject LIKE ? OR t.body_html LIKE ?)")
        params += [f"%{text}%", f"%{text}%"]
    if status:
        clauses.append("t.status = ?")
        params.append(status)
    if assignee_id:
        clauses.append("t.assignee_id = ?")
        params.append(assignee_id)
    if requester_id:
        clauses.append("t.requester_id = ?")
        params.append(requester_id)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT {TICKET_LIST_COLUMNS} {TICKET_LIST_FROM} {where} ORDER BY {sort} LIMIT ? OFFSET ?"
    return query(sql, params + [limit, offset])


def tickets_with_tags(tags):
    in_list = ", ".join("'%s'" % tag for tag in tags)
    sql = TAGGED_TICKETS_SQL + " WHERE tt.tag IN (" + in_list + ") ORDER BY t.updated_at DESC"
    return query(sql)


def get_tickets_by_ids(ids):
    if not ids:
        return []
    placeholders = ", ".join("?" for _ in ids)
    return query(f"SELECT {TICKET_LIST_COLUMNS} {TICKET_LIST_FROM} WHERE t.id IN ({placeholders})", list(ids))


def get_ticket(ticket_id):
    return query(
        "SELECT t.*, r.username AS requester, r.email AS requester_email, a.username AS assignee "
        f"{TICKET_LIST_FROM} WHERE t.id = ?",
        (ticket_id,),
        one=True,
    )


def create_ticket(requester_id, subject, body_html, priority="normal"):
    now = _now()
    return execute(
        "INSERT INTO tickets (requester_id, subject, body_html, priority, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, 'open', ?, ?)",
        (requester_id, subject, body_html, priority, now, now),
    )


def update_ticket(ticket_id, **fields):
    cols = [name for name in fields if name in TICKET_UPDATABLE]
    if not cols:
        return
    assignments = ", ".join(f"{name} = ?" for name in cols)
    execute(
        f"UPDATE tickets SET {assignments}, updated_at = ? WHERE id = ?",
        [fields[c] for c in cols] + [_now(), ticket_id],
    )


def set_ticket_tags(ticket_id, tags):
    conn = get_db()
    conn.execute("DELETE FROM ticket_tags WHERE ticket_id = ?", (ticket_id,))
    conn.executemany(
        "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)",
        [(ticket_id, tag) for tag in tags],
    )
    conn.commit()


def get_ticket_tags(ticket_id):
    return [row["tag"] for row in query("SELECT tag FROM ticket_tags WHERE ticket_id = ? ORDER BY tag", (ticket_id,))]


def add_comment(ticket_id, author_id, body, internal=False):
    comment_id = execute(
        "INSERT INTO ticket_comments (ticket_id, author_id, body, internal, created_at) VALUES (?, ?, ?, ?, ?)",
        (ticket_id, author_id, body, int(internal), _now()),
    )
    execute("UPDATE tickets SET updated_at = ? WHERE id = ?", (_now(), ticket_id))
    return comment_id


def get_comments(ticket_id, include_internal=False):
    sql = (
        "SELECT c.*, u.username, u.display_name, u.signature AS author_signature "
        "FROM ticket_comments c JOIN users u ON u.id = c.author_id WHERE c.ticket_id = ?"
    )
    if not include_internal:
        sql += " AND c.internal = 0"
    return query(sql + " ORDER BY c.created_at", (ticket_id,))


def add_event(ticket_id, user_id, message):
    execute(
        "INSERT INTO ticket_events (ticket_id, user_id, message, created_at) VALUES (?, ?, ?, ?)",
        (ticket_id, user_id, message, _now()),
    )


def count_rows(name, status=None):
    table = COUNTABLE_TABLES[name]
    if status is None:
        return query(f"SELECT COUNT(*) AS n FROM {table}", one=True)["n"]
    return query(f"SELECT COUNT(*) AS n FROM {table} WHERE status = ?", (status,), one=True)["n"]


# --- knowledge base ----------------------------------------------------------

def list_articles():
    return query("SELECT slug, title, updated_at FROM kb_articles ORDER BY title")


def get_article(slug):
    return query("SELECT * FROM kb_articles WHERE slug = ?", (slug,), one=True)


def save_article(slug, title, body_md, body_html, author_id):
    execute(
        "INSERT INTO kb_articles (slug, title, body_md, body_html, author_id, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(slug) DO UPDATE SET title = excluded.title, body_md = excluded.body_md,"
        " body_html = excluded.body_html, author_id = excluded.author_id, updated_at = excluded.updated_at",
        (slug, title, body_md, body_html, author_id, _now()),
    )


# --- assets (filled by scripts/sync_assets.py) -------------------------------

def assets_for_user(username):
    return query("SELECT * FROM assets WHERE owner_username = ? ORDER BY kind, name", (username,))
