#!/usr/bin/env python
"""Fill a local database with users, rooms and some chatter.

    ENVIRONMENT=development SEED_PASSWORD=... python -m scripts.seed --users 40

Every seeded account gets SEED_PASSWORD so you can sign in as anyone.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
from datetime import datetime, timedelta, timezone

from app.core.config import settings
from app.db import SessionLocal, init_models
from app.models import Message, Role, Room, RoomMember
from app.services import users
from app.services.render import render_markdown

FIRST_NAMES = ["Ada", "Alan", "Barbara", "Claude", "Dennis", "Edsger", "Grace", "Hedy", "Joan", "Linus", "Radia"]
ROOM_NAMES = [
    ("general", "General", "Company-wide chatter"),
    ("random", "Random", "Cats, memes and lunch plans"),
    ("eng", "Engineering", "Deploys, incidents, **code review**"),
    ("design", "Design", "Figma links welcome"),
    ("support", "Support", "Customer escalations"),
    ("ops", "Ops", "On-call handovers"),
]
PHRASES = [
    "Morning all :wave:",
    "Has anyone seen the new dashboard?",
    "Deploy is going out in 10 minutes",
    "Can someone review my PR? `feature/threads`",
    "The staging DB is back up",
    "> quoting the spec here\nwe should follow it",
    "Thanks, that fixed it!",
    "Here's the link: https://example.com/doc",
]


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=42, help="random seed for reproducible fake data")
    parser.add_argument("--admin-email", default="admin@huddle.local")
    return parser.parse_args(argv)


async def seed(args: argparse.Namespace, password: str) -> None:
    random.seed(args.seed)
    await init_models()
    now = datetime.now(timezone.utc)

    async with SessionLocal() as session:
        admin = await users.get_by_email(session, args.admin_email)
        if admin is None:
            admin = await users.create_user(
                session,
                email=args.admin_email,
                display_name="Admin",
                password=password,
                role=Role.admin,
                verified=True,
            )

        people = [admin]
        for i in range(args.users):
            name = f"{random.choice(FIRST_NAMES)} {chr(65 + i % 26)}."
            address = f"user{i:03d}@huddle.local"
            existing = await users.get_by_email(session, address)
            people.append(
                existing
                or await users.create_user(
                    session, email=address, display_name=name, password=password, verified=True
                )
            )

        rooms = []
        for slug, name, topic in ROOM_NAMES:
            room = Room(slug=slug, name=name, topic=topic, created_by=admin.id)
            session.add(room)
            await session.flush()
            rooms.append(room)
            members = random.sample(people, k=max(2, len(people) * 2 // 3))
            if admin not in members:
                members.append(admin)
            for person in members:
                session.add(RoomMember(room_id=room.id, user_id=person.id, is_owner=person is admin))

        await session.flush()
        for n in range(args.messages):
            room = random.choice(rooms)
            author = random.choice(people)
            body = random.choice(PHRASES)
            sent = now - timedelta(minutes=(args.messages - n) * random.randint(1, 6))
            session.add(
                Message(
                    room_id=room.id,
                    author_id=author.id,
                    body=body,
                    rendered_html=render_markdown(body),
                    created_at=sent,
                )
            )
        await session.commit()
    print(f"seeded {len(people)} users, {len(rooms)} rooms, {args.messages} messages")


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv if argv is not None else sys.argv[1:])
    if settings.is_production:
        print("refusing to seed a production database (set ENVIRONMENT=development)", file=sys.stderr)
        return 2
    password = os.environ.get("SEED_PASSWORD")
    if not password or len(password) < 10:
        print("set SEED_PASSWORD (10+ characters) for the seeded accounts", file=sys.stderr)
        return 2
    asyncio.run(seed(args, password))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
