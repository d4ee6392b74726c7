"""Fill a local database with demo courses and students.

Usage: ENVIRONMENT=development python -m scripts.seed_demo
"""

import asyncio
import random
import secrets
from datetime import datetime, timedelta, timezone

from tortoise import Tortoise, connections

from app.core.config import settings
from app.core.security import hash_password
from app.db import TORTOISE_ORM
from app.models import Course, Enrollment, Lesson, Role, User
from app.services.content import render_summary, slugify

FIRST_NAMES = ["Ana", "Bruno", "Chloé", "Dmitri", "Eun-ji", "Farah", "Giulia", "Hiro", "Ines", "Jonas"]
LAST_NAMES = ["Silva", "Moreau", "Kowalski", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Novak"]
LANGUAGES = ["spanish", "french", "german", "japanese", "portuguese"]
LEVELS = ["A1", "A2", "B1", "B2", "C1"]


async def seed() -> None:
    random.seed(7)
    await Tortoise.init(config=TORTOISE_ORM)
    await Tortoise.generate_schemas(safe=True)
    try:
        teacher = await User.create(
            email="teacher@lingua.test",
            full_name="Demo Teacher",
            role=Role.TEACHER,
            hashed_password=hash_password(secrets.token_urlsafe(24)),
            is_verified=True,
        )
        students = [
            await User.create(
                email=f"student{i}@lingua.test",
                full_name=f"{random.choice(FIRST_NAMES)} {random.choice(LAST_NAMES)}",
                hashed_password=hash_password(secrets.token_urlsafe(24)),
            )
            for i in range(20)
        ]
        start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
        for language in LANGUAGES:
            level = random.choice(LEVELS)
            title = f"{language.title()} {level} evening course"
            course = await Course.create(
                title=title,
                slug=slugify(f"{language}-{level}-{title}"),
                language=language,
                level=level,
                summary_md=f"Ten weeks of **{language}** conversation practice.",
                summary_html=render_summary(f"Ten weeks of **{language}** conversation practice."),
                tags=[language, level.lower(), "evening"],
                price_cents=random.randrange(9000, 24000, 500),
                teacher=teacher,
            )
            for week in range(10):
                await Lesson.create(course=course, title=f"Week {week + 1}", starts_at=start + timedelta(weeks=week))
            for student in random.sample(students, k=8):
                await Enrollment.get_or_create(student=student, course=course)
        print(f"seeded {len(LANGUAGES)} courses and {len(students)} students")
    finally:
        await connections.close_all()


if __name__ == "__main__":
    if settings.environment != "development":
        raise SystemExit("refusing to seed a non-development database")
    asyncio.run(seed())
