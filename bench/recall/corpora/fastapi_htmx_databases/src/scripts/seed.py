"""Fill a development database with demo events."""
import asyncio
import random
from datetime import datetime, timedelta, timezone

from app.db import database
from app.routers.admin import slugify
from app.tables import events, users

VENUES = ["Paradiso", "Melkweg", "TivoliVredenburg", "Doornroosje", "013"]
ACTS = ["The Lumineers", "Black Pumas", "Khruangbin", "Wet Leg", "Fontaines D.C.", "Arlo Parks"]


async def main() -> None:
    rng = random.Random(7)
    await database.connect()
    organizer_id = await database.fetch_val(users.select().with_only_columns(users.c.id).limit(1))
    now = datetime.now(timezone.utc)
    for i, act in enumerate(ACTS):
        await database.execute(
            events.insert().values(
                slug=slugify(f"{act} {i}"),
                title=act,
                venue=rng.choice(VENUES),
                description=f"{act} live.\n\nDoors open at 19:30.",
                starts_at=now + timedelta(days=rng.randint(3, 90)),
                capacity=rng.choice([150, 400, 1500]),
                price_cents=rng.randint(18, 65) * 100,
                organizer_id=organizer_id,
                published=True,
            )
        )
    await database.disconnect()


if __name__ == "__main__":
    asyncio.run(main())
