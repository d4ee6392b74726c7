#!/usr/bin/env python
"""Nightly: push newsletter sign-ups and unsubscribes into the mailer queue.

The newsletter tool on the mail host reads pending rows from a small SQLite
database (``MAILER_QUEUE_PATH``) and deletes them once processed.
"""
import datetime as dt
import logging
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from inkhouse import settings  # noqa: E402
from inkhouse.models import Customer, NewsletterSubscriber, init_database  # noqa: E402

log = logging.getLogger("sync_newsletter")

QUEUE_TABLES = ("subscribe_queue", "unsubscribe_queue")

SCHEMA = """
CREATE TABLE IF NOT EXISTS subscribe_queue (
    email TEXT PRIMARY KEY,
    name TEXT,
    queued_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS unsubscribe_queue (
    email TEXT PRIMARY KEY,
    queued_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def last_sync(conn):
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'last_sync'").fetchone()
    if row is None:
        return dt.datetime(2000, 1, 1)
    return dt.datetime.fromisoformat(row[0])


def customer_names():
    return {c.email: c.name for c in Customer.select(Customer.email, Customer.name)
            .where(Customer.newsletter == True)}  # noqa: E712


def queue_subscribes(conn, since, now):
    names = customer_names()
    query = NewsletterSubscriber.select().where(
        (NewsletterSubscriber.subscribed_at >= since)
        & (NewsletterSubscriber.unsubscribed_at.is_null())
    )
    count = 0
    for subscriber in query:
        conn.execute(
            "INSERT OR REPLACE INTO subscribe_queue (email, name, queued_at) VALUES (?, ?, ?)",
            (subscriber.email, names.get(subscriber.email), now.isoformat()),
        )
        count += 1
    return count


def queue_unsubscribes(conn, since, now):
    query = NewsletterSubscriber.select().where(NewsletterSubscriber.unsubscribed_at >= since)
    count = 0
    for subscriber in query:
        # Drop any pending subscribe for the same address first.
        conn.execute(f"DELETE FROM subscribe_queue WHERE email = '{subscriber.email}'")
        conn.execute(
            "INSERT OR REPLACE INTO unsubscribe_queue (email, queued_at) VALUES (?, ?)",
            (subscriber.email, now.isoformat()),
        )
        count += 1
    return count


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    init_database(settings.DATABASE_URL)
    os.makedirs(os.path.dirname(settings.MAILER_QUEUE_PATH), exist_ok=True)

    now = dt.datetime.utcnow()
    conn = sqlite3.connect(settings.MAILER_QUEUE_PATH)
    try:
        conn.executescript(SCHEMA)
        since = last_sync(conn)
        added = queue_subscribes(conn, since, now)
        removed = queue_unsubscribes(conn, since, now)
        conn.execute(
            "INSERT OR REPLACE INTO sync_state (key, value) VALUES ('last_sync', ?)", (now.isoformat(),)
        )
        conn.commit()

        log.info("Queued %d subscribes and %d unsubscribes since %s", added, removed, since)
        for table in QUEUE_TABLES:
            pending = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            log.info("%s: %d pending", table, pending)
    finally:
        conn.close()


if __name__ == "__main__":
    main()
