"""Thin helpers around PyMySQL.

One connection per request, kept on ``flask.g`` and closed on teardown.
Callers pass SQL with ``%s`` placeholders and a tuple of arguments.
"""
import logging

import pymysql
from flask import current_app, g
from pymysql.cursors import DictCursor

log = logging.getLogger(__name__)


def connect(config):
    return pymysql.connect(
        host=config["DATABASE_HOST"],
        port=config["DATABASE_PORT"],
        user=config["DATABASE_USER"],
        password=config["DATABASE_PASSWORD"],
        database=config["DATABASE_NAME"],
        charset="utf8mb4",
        cursorclass=DictCursor,
        autocommit=False,
    )


def get_db():
    if "db" not in g:
        g.db = connect(current_app.config)
    return g.db


def close_db(_exc=None):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def init_app(app):
    app.teardown_appcontext(close_db)


def query(sql, args=None, one=False):
    with get_db().cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    if one:
        return rows[0] if rows else None
    return rows


def execute(sql, args=None):
    conn = get_db()
    with conn.cursor() as cur:
        affected = cur.execute(sql, args)
        lastrowid = cur.lastrowid
    conn.commit()
    return lastrowid if lastrowid else affected


def executemany(sql, seq):
    conn = get_db()
    with conn.cursor() as cur:
        cur.executemany(sql, seq)
    conn.commit()
