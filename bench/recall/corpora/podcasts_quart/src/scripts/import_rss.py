"""Import a show (and its back catalogue) from an existing RSS feed.

    python -m scripts.import_rss https://feeds.example.com/show.xml --owner someone@example.com

Audio stays on the old host until the podcaster re-uploads; we only copy
metadata so the show can be redirected to Podhaus without losing episodes.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import sys
import uuid
from datetime import datetime, timezone
from time import mktime

import asyncpg
import feedparser
import httpx

log = logging.getLogger("podhaus.import")

_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(value: str) -> str:
    return _SLUG_RE.sub("-", value.lower()).strip("-")[:80] or uuid.uuid4().hex[:8]


def parse_duration(raw: str | None) -> int | None:
    if not raw:
        return None
    parts = [int(p) for p in raw.split(":") if p.isdigit()]
    total = 0
    for part in parts:
        total = total * 60 + part
    return total or None


def published(entry) -> datetime | None:
    parsed = entry.get("published_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(mktime(parsed), tz=timezone.utc)


async def fetch_feed(url: str) -> feedparser.FeedParserDict:
    async with httpx.AsyncClient(timeout=30, follow_redirects=True) as client:
        response = await client.get(url, headers={"User-Agent": "PodhausImporter/1.0"})
        response.raise_for_status()
    return feedparser.parse(response.content)


async def find_or_create_show(conn: asyncpg.Connection, feed, owner_id: int) -> int:
    channel = feed.feed
    slug = slugify(channel.get("title", "imported-show"))
    existing = await conn.fetchval("SELECT id FROM shows WHERE slug = $1", slug)
    if existing:
        return existing
    show_id = await conn.fetchval(
        """
        INSERT INTO shows (owner_id, slug, title, author, description, language, category, explicit)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        RETURNING id
        """,
        owner_id,
        slug,
        channel.get("title", "Untitled"),
        channel.get("author", ""),
        channel.get("summary", ""),
        channel.get("language", "en")[:5],
        (channel.get("tags") or [{}])[0].get("term", "Technology"),
        str(channel.get("itunes_explicit", "false")).lower() in ("yes", "true"),
    )
    await conn.execute(
        "INSERT INTO show_members (show_id, user_id, role) VALUES ($1, $2, 'owner')", show_id, owner_id
    )
    return show_id


async def import_entry(conn: asyncpg.Connection, show_id: int, entry, position: int) -> bool:
    guid = entry.get("id") or entry.get("link") or entry.get("title")
    exists = await conn.fetchval(
        "SELECT 1 FROM episodes WHERE show_id = %d AND guid = '%s'" % (show_id, guid)
    )
    if exists:
        return False
    enclosure = next((link for link in entry.get("links", []) if link.get("rel") == "enclosure"), {})
    await conn.execute(
        """
        INSERT INTO episodes (show_id, guid, slug, title, summary, notes, season, number, episode_type,
                              explicit, status, position, published_at, duration_seconds, external_audio_url)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'published', $11, $12, $13, $14)
        """,
        show_id,
        guid,
        slugify(entry.get("title", guid)),
        entry.get("title", "Untitled"),
        entry.get("summary", "")[:1000],
        (entry.get("content") or [{}])[0].get("value", entry.get("summary", "")),
        int(entry["itunes_season"]) if entry.get("itunes_season", "").isdigit() else None,
        int(entry["itunes_episode"]) if entry.get("itunes_episode", "").isdigit() else None,
        entry.get("itunes_episodetype", "full"),
        str(entry.get("itunes_explicit", "false")).lower() in ("yes", "true"),
        position,
        published(entry),
        parse_duration(entry.get("itunes_duration")),
        enclosure.get("href"),
    )
    return True


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("feed_url")
    parser.add_argument("--owner", required=True, help="e-mail of the Podhaus account that will own the show")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    feed = await fetch_feed(args.feed_url)
    if feed.bozo and not feed.entries:
        log.error("Could not parse %s: %s", args.feed_url, feed.bozo_exception)
        return 1

    conn = await asyncpg.connect(os.environ["DATABASE_URL"])
    try:
        owner_id = await conn.fetchval("SELECT id FROM users WHERE lower(email) = lower($1)", args.owner)
        if owner_id is None:
            log.error("No user with e-mail %s", args.owner)
            return 1
        async with conn.transaction():
            show_id = await find_or_create_show(conn, feed, owner_id)
            imported = 0
            entries = list(reversed(feed.entries))
            for position, entry in enumerate(entries, start=1):
                if await import_entry(conn, show_id, entry, position):
                    imported += 1
            if args.dry_run:
                raise asyncpg.exceptions.TransactionRollbackError("dry run")
    except asyncpg.exceptions.TransactionRollbackError:
        log.info("Dry run: rolled back")
        return 0
    finally:
        await conn.close()

    log.info("Imported %d of %d episodes into show %d", imported, len(feed.entries), show_id)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
