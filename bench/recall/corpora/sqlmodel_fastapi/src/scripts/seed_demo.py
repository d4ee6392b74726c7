"""Fill a local database with demo spaces and bookings.

    python -m scripts.seed_demo --spaces 40
"""
import argparse
import asyncio
import random
from datetime import datetime, timedelta, timezone

from app.core.config import settings
from app.core.security import hash_password
from app.db import async_session_maker
from app.models import Booking, BookingStatus, Space, User

CITIES = ["Berlin", "Hamburg", "Leipzig", "München", "Köln"]
AMENITIES = ["wifi", "coffee", "parking", "phone booth", "standing desks", "lockers"]
ADJECTIVES = ["Sunny", "Quiet", "Canal", "Loft", "Garden", "Harbour", "Atelier"]


async def seed(n_spaces: int) -> None:
    if not settings.is_development:
        raise SystemExit("seed_demo only runs against a development database")
    random.seed(42)  # same demo data on every run
    async with async_session_maker() as session:
        host = User(
            email="host@example.test",
            full_name="Demo Host",
            hashed_password=hash_password("demo-host-password"),
            role="host",
            email_verified=True,
        )
        session.add(host)
        await session.flush()
        now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
        for i in range(n_spaces):
            city = random.choice(CITIES)
            name = f"{random.choice(ADJECTIVES)} Space {i + 1}"
            space = Space(
                host_id=host.id,
                name=name,
                slug=f"{name.lower().replace(' ', '-')}-{city.lower()}",
                city=city,
                description=f"A demo space in {city}.\n\nBring your laptop.",
                amenities=random.sample(AMENITIES, k=random.randint(1, 4)),
                capacity=random.randint(2, 40),
                hourly_rate_cents=random.randrange(500, 4000, 50),
                is_published=True,
            )
            session.add(space)
            await session.flush()
            for _ in range(random.randint(0, 6)):
                start = now + timedelta(days=random.randint(-10, 20), hours=random.randint(8, 16))
                session.add(
                    Booking(
                        space_id=space.id,
                        user_id=host.id,
                        starts_at=start,
                        ends_at=start + timedelta(hours=random.choice([1, 2, 4, 8])),
                        status=BookingStatus.confirmed,
                    )
                )
        await session.commit()
    print(f"seeded {n_spaces} spaces")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--spaces", type=int, default=25)
    args = parser.parse_args()
    asyncio.run(seed(args.spaces))
