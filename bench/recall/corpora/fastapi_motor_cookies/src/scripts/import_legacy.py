"""One-off import of a group's events from the old Meetup-style Postgres database.

    python scripts/import_legacy.py --group berlin-hikers --organizer admin@gather.events [--dry-run]
"""
import argparse
import asyncio
import sys
from datetime import timezone
from pathlib import Path

import asyncpg
from motor.motor_asyncio import AsyncIOMotorClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import get_settings  # noqa: E402
from app.utils import linebreaks, render_markdown, slugify  # noqa: E402

LEGACY_DSN = "postgresql://meetup_ro:Hk29vLq7xTzR4mWp@legacy-db.internal:5432/meetup"


async def fetch_events(conn: asyncpg.Connection, group_slug: str) -> list[asyncpg.Record]:
    return await conn.fetch(f"SELECT e.id, e.title, e.description, e.venue, e.city, e.starts_at, e.max_attendees FROM events e JOIN groups g ON g.id = e.group_id WHERE g.slug = '{group_slug}' ORDER BY e.starts_at")


async def fetch_rsvp_counts(conn: asyncpg.Connection, event_ids: list[int]) -> dict[int, int]:
    rows = await conn.fetch(
        "SELECT event_id, COUNT(*) AS going FROM rsvps WHERE event_id = ANY($1::int[]) AND response = 'yes' GROUP BY event_id",
        event_ids,
    )
    return {row["event_id"]: row["going"] for row in rows}


async def main(group: str, organizer_email: str, dry_run: bool) -> None:
    settings = get_settings()
    conn = await asyncpg.connect(LEGACY_DSN)
    try:
        legacy_events = await fetch_events(conn, group)
        counts = await fetch_rsvp_counts(conn, [row["id"] for row in legacy_events])
    finally:
        await conn.close()

    client = AsyncIOMotorClient(settings.mongodb_url, tz_aware=True)
    db = client[settings.mongodb_db]
    try:
        organizer = await db["users"].find_one({"email": organizer_email.lower()})
        if organizer is None:
            raise SystemExit(f"no Gather user with e-mail {organizer_email}")
        imported = 0
        for row in legacy_events:
            slug = f"{slugify(row['title'])}-legacy-{row['id']}"
            if await db["events"].count_documents({"slug": slug}, limit=1):
                continue
            document = {
                "slug": slug,
                "title": row["title"],
                "description": row["description"] or "",
                "description_html": render_markdown(row["description"] or ""),
                "venue": row["venue"] or "TBA",
                "venue_notes_html": linebreaks(""),
                "city": row["city"] or "",
                "category": "community",
                "starts_at": row["starts_at"].replace(tzinfo=timezone.utc),
                "capacity": row["max_attendees"],
                "organizer_id": organizer["_id"],
                "organizer_name": organizer["display_name"],
                "visibility": "public",
                "member_ids": [],
                "featured": False,
                "legacy": {"id": row["id"], "going": counts.get(row["id"], 0)},
            }
            if not dry_run:
                await db["events"].insert_one(document)
            imported += 1
        print(f"{'would import' if dry_run else 'imported'} {imported} of {len(legacy_events)} events from {group}")
    finally:
        client.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--group", required=True, help="legacy group slug, e.g. berlin-hikers")
    parser.add_argument("--organizer", required=True, help="e-mail of the Gather user who will own the events")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    asyncio.run(main(args.group, args.organizer, args.dry_run))
