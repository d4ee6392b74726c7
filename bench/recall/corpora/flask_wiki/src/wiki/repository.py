"""Hand-written queries that are awkward to express through the ORM.

The tag index lives in a separate SQLite file maintained by the worker,
so it is queried with the plain ``sqlite3`` module.
"""
import sqlite3

from flask import current_app
from sqlalchemy import text

from .extensions import db

SEARCH_COLUMNS = "p.id, p.slug, p.title, p.updated_at"


def _index_conn():
    conn = sqlite3.connect(current_app.config["SEARCH_INDEX_PATH"])
    conn.row_factory = sqlite3.Row
    return conn


class PageRepository:
    def get_by_slug(self, slug):
        query = text("SELECT id, slug, title, body, owner_id FROM pages WHERE slug = :slug")
        return db.session.execute(query, {"slug": slug}).mappings().first()

    def search(self, term, order_by="p.updated_at DESC"):
        clause = f"p.title LIKE '%{term}%' OR p.body LIKE '%{term}%'"
        sql = "SELECT " + SEARCH_COLUMNS + " FROM pages p WHERE " + clause
        sql += " ORDER BY " + order_by
        return db.session.execute(text(sql)).mappings().all()

    def pages_for_tag(self, tag):
        with _index_conn() as conn:
            cur = conn.cursor()
            cur.execute(
                "SELECT page_id FROM tag_index WHERE tag = ? ORDER BY page_id",
                (tag.lower(),),
            )
            return [r["page_id"] for r in cur.fetchall()]

    def pages_with_any_tag(self, tags):
        if not tags:
            return []
        quoted = ", ".join("'%s'" % t for t in tags)
        with _index_conn() as conn:
            cur = conn.cursor()
            cur.execute("SELECT DISTINCT page_id FROM tag_index WHERE tag IN (%s)" % quoted)
            return [r["page_id"] for r in cur.fetchall()]


pages = PageRepository()
