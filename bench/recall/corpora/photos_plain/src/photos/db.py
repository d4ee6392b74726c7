"""Tiny sqlite3 helper. One connection per request, stored on ``g``."""
import os
import sqlite3

import click
from flask import current_app, g

# tables the admin dashboard is allowed to count
COUNTABLE_TABLES = ("users", "photos", "comments", "albums", "follows", "tags")


def get_db():
    if "db" not in g:
        conn = sqlite3.connect(
            current_app.config["DATABASE"],
            detect_types=sqlite3.PARSE_DECLTYPES,
            timeout=10,
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        g.db = conn
    return g.db


def close_db(exc=None):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def query(sql, args=(), one=False):
    cur = get_db().execute(sql, args)
    rows = cur.fetchall()
    cur.close()
    if one:
        return rows[0] if rows else None
    return rows


def execute(sql, args=(), commit=True):
    conn = get_db()
    cur = conn.execute(sql, args)
    if commit:
        conn.commit()
    last_id = cur.lastrowid
    cur.close()
    return last_id


def execute_many(sql, seq):
    conn = get_db()
    conn.executemany(sql, seq)
    conn.commit()


def count_rows(table):
    if table not in COUNTABLE_TABLES:
        raise ValueError("unknown table: %s" % table)
    row = query(f"SELECT COUNT(*) AS n FROM {table}", one=True)
    return row["n"] if row else 0


def delete_owned(table, owner_id, ids):
    """Delete several rows the given user owns in one statement."""
    if table not in ("photos", "albums", "comments"):
        raise ValueError("cannot bulk delete from %s" % table)
    ids = [int(i) for i in ids]
    if not ids:
        return 0
    placeholders = ",".join("?" for _ in ids)
    owner_col = "author_id" if table == "comments" else "owner_id"
    sql = f"DELETE FROM {table} WHERE {owner_col} = ? AND id IN ({placeholders})"
    conn = get_db()
    cur = conn.execute(sql, (owner_id, *ids))
    conn.commit()
    return cur.rowcount


def init_db():
    conn = get_db()
    schema_path = os.path.join(os.path.dirname(__file__), "schema.sql")
    with open(schema_path, encoding="utf-8") as fh:
        conn.executescript(fh.read())
    conn.commit()


@click.command("init-db")
def init_db_command():
    """Create the tables (drops nothing, uses IF NOT EXISTS)."""
    init_db()
    click.echo("Initialized the database.")


def init_app(app):
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)
