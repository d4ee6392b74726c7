#!/usr/bin/env python
"""Export the attendee list of an event as CSV (door lists, venue security).

    python scripts/export_attendees.py summer-fest-2024 > attendees.csv
    python scripts/export_attendees.py summer-fest-2024 --not-checked-in
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg  # noqa: E402

from gatepass.config import get_settings  # noqa: E402

ATTENDEE_QUERY = """
    SELECT t.id, t.holder_name, u.email, tt.name AS ticket_type, o.reference,
           t.status, t.checked_in_at
    FROM tickets t
    JOIN events e ON e.id = t.event_id
    JOIN ticket_types tt ON tt.id = t.ticket_type_id
    JOIN orders o ON o.id = t.order_id
    JOIN users u ON u.id = t.user_id
    WHERE e.slug = '{slug}' AND t.status <> 'cancelled'
"""

FIELDS = ("id", "holder_name", "email", "ticket_type", "reference", "status", "checked_in_at")


async def export(slug: str, out, *, not_checked_in: bool) -> int:
    conn = await asyncpg.connect(get_settings().DATABASE_URL)
    try:
        query = ATTENDEE_QUERY.format(slug=slug)
        if not_checked_in:
            query += " AND t.checked_in_at IS NULL"
        rows = await conn.fetch(query + " ORDER BY t.holder_name")
    finally:
        await conn.close()

    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow([row[field] if row[field] is not None else "" for field in FIELDS])
    return len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("slug", help="event slug, as in /events/<slug>")
    parser.add_argument("--not-checked-in", action="store_true", help="only people who haven't arrived yet")
    args = parser.parse_args()
    count = asyncio.run(export(args.slug, sys.stdout, not_checked_in=args.not_checked_in))
    print(f"exported {count} attendees", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
