"""Fill a development database with demo shows, episodes and downloads.

    PODHAUS_ENV=development python -m scripts.seed_demo
"""
from __future__ import annotations

import asyncio
import os
import random
import uuid
from datetime import datetime, timedelta, timezone

import asyncpg

from podhaus.security import hash_password

SHOWS = [
    ("Byte Sized", "Tech news in fifteen minutes", "Technology"),
    ("Low Tide", "Coastal ecology with field recordings", "Science"),
    ("Margins", "Small businesses and the people who run them", "Business"),
]
COUNTRIES = ["DE", "US", "GB", "FR", "NL", "SE", "ES", "BR", "IN", "JP"]
APPS = ["apple", "spotify", "overcast", "pocketcasts", "castbox", "web"]


async def seed() -> None:
    if os.getenv("PODHAUS_ENV") != "development":
        raise SystemExit("Refusing to seed a non-development database.")
    # Same demo data on every run, so screenshots and docs stay stable.
    random.seed(2024)
    conn = await asyncpg.connect(os.environ["DATABASE_URL"])
    try:
        owner_id = await conn.fetchval(
            """
            INSERT INTO users (email, display_name, password_hash, role, email_verified)
            VALUES ('demo@podhaus.test', 'Demo Podcaster', $1, 'podcaster', true)
            ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name
            RETURNING id
            """,
            hash_password(os.getenv("DEMO_PASSWORD") or uuid.uuid4().hex),
        )
        now = datetime.now(timezone.utc)
        for title, description, category in SHOWS:
            slug = title.lower().replace(" ", "-")
            show_id = await conn.fetchval(
                """
                INSERT INTO shows (owner_id, slug, title, author, description, language, category, explicit)
                VALUES ($1, $2, $3, 'Demo Podcaster', $4, 'en', $5, false)
                ON CONFLICT (slug) DO UPDATE SET description = EXCLUDED.description
                RETURNING id
                """,
                owner_id, slug, title, description, category,
            )
            for number in range(1, random.randint(6, 14)):
                published_at = now - timedelta(days=7 * number)
                episode_id = await conn.fetchval(
                    """
                    INSERT INTO episodes (show_id, guid, slug, title, summary, notes, number, status,
                                          position, published_at, duration_seconds)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', $7, $8, $9)
                    RETURNING id
                    """,
                    show_id, str(uuid.uuid4()), f"episode-{number}", f"{title} #{number}",
                    f"Episode {number} of {title}.", "## Links\n\n- 00:30 Intro\n- 12:00 Main topic",
                    number, published_at, random.randint(900, 3600),
                )
                rows = [
                    (episode_id, show_id, random.choice(COUNTRIES), random.choice(APPS),
                     published_at + timedelta(hours=random.randint(0, 24 * 30)))
                    for _ in range(random.randint(50, 400))
                ]
                await conn.executemany(
                    "INSERT INTO downloads (episode_id, show_id, country, client_app, created_at) VALUES ($1, $2, $3, $4, $5)",
                    rows,
                )
    finally:
        await conn.close()
    print("Demo data ready. Sign in as demo@podhaus.test with DEMO_PASSWORD.")


if __name__ == "__main__":
    asyncio.run(seed())
