"""Maintenance commands: ``python -m app.cli --help``."""
import asyncio
import random
from datetime import datetime, timedelta, timezone

import typer
from motor.motor_asyncio import AsyncIOMotorClient

from app.config import get_settings
from app.db import ensure_indexes
from app.repositories.users import UserRepository
from app.security.passwords import hash_password
from app.services.reports import ReportService
from app.utils import linebreaks, render_markdown, slugify

cli = typer.Typer(help="Gather maintenance commands.", no_args_is_help=True)

DEMO_CITIES = ["Berlin", "Lisbon", "Leeds", "Utrecht", "Lyon", "Gdansk"]
DEMO_CATEGORIES = ["outdoors", "tech", "music", "food", "games", "community"]
DEMO_TITLES = [
    "Sunday river walk", "Python pub night", "Open mic", "Dumpling workshop",
    "Board game evening", "Community garden day", "Street photography stroll", "Vinyl swap",
]


def _database():
    settings = get_settings()
    client = AsyncIOMotorClient(settings.mongodb_url, tz_aware=True)
    return client, client[settings.mongodb_db]


@cli.command()
def create_admin(
    email: str = typer.Option(..., prompt=True),
    display_name: str = typer.Option("Administrator", prompt=True),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
):
    """Create an administrator account."""
    if len(password) < 12:
        raise typer.BadParameter("use at least 12 characters for an admin password")

    async def run():
        client, db = _database()
        try:
            await ensure_indexes(db)
            users = UserRepository(db)
            if await users.get_by_email(email):
                typer.secho(f"{email} already exists", fg=typer.colors.YELLOW)
                return
            user_id = await users.create(email=email, display_name=display_name, password_hash=hash_password(password),
                                         role="admin", email_verified=True)
            typer.secho(f"created admin {user_id}", fg=typer.colors.GREEN)
        finally:
            client.close()

    asyncio.run(run())


@cli.command()
def seed(count: int = typer.Option(40, min=1, max=1000), seed: int = typer.Option(42, help="RNG seed, so demo data is reproducible")):
    """Fill a development database with demo events owned by the first admin."""
    settings = get_settings()
    if settings.is_production:
        typer.confirm("ENVIRONMENT is production. Really insert demo events?", abort=True)
    rng = random.Random(seed)

    async def run():
        client, db = _database()
        try:
            organizer = await db["users"].find_one({"role": "admin"})
            if organizer is None:
                typer.secho("run create-admin first", fg=typer.colors.RED)
                raise typer.Exit(1)
            now = datetime.now(timezone.utc)
            documents = []
            for index in range(count):
                title = f"{rng.choice(DEMO_TITLES)} #{index + 1}"
                description = f"Join us for **{title.lower()}**. Bring a friend!"
                documents.append({
                    "slug": f"{slugify(title)}-{index + 1}",
                    "title": title,
                    "description": description,
                    "description_html": render_markdown(description),
                    "venue": f"{rng.choice(['Hall', 'Park', 'Cafe', 'Library'])} {rng.randint(1, 40)}",
                    "venue_notes_html": linebreaks("Meet at the main entrance."),
                    "city": rng.choice(DEMO_CITIES),
                    "category": rng.choice(DEMO_CATEGORIES),
                    "starts_at": now + timedelta(days=rng.randint(1, 90), hours=rng.randint(0, 12)),
                    "capacity": rng.choice([None, 20, 50, 100]),
                    "organizer_id": organizer["_id"],
                    "organizer_name": organizer["display_name"],
                    "visibility": "public",
                    "member_ids": [],
                    "featured": rng.random() < 0.15,
                    "created_at": now,
                })
            result = await db["events"].insert_many(documents)
            typer.secho(f"inserted {len(result.inserted_ids)} events", fg=typer.colors.GREEN)
        finally:
            client.close()

    asyncio.run(run())


@cli.command()
def export_analytics():
    """Flatten events and RSVP counts into the SQLite file used by the admin reports."""
    settings = get_settings()

    async def run():
        client, db = _database()
        try:
            pipeline = [
                {"$match": {"status": "going"}},
                {"$group": {"_id": "$event_id", "going": {"$sum": 1}}},
            ]
            going = {row["_id"]: row["going"] async for row in db["rsvps"].aggregate(pipeline)}
            organizers = {user["_id"]: user async for user in db["users"].find({}, {"email": 1, "display_name": 1})}
            rows = []
            async for event in db["events"].find({}, {"description": 0, "description_html": 0}):
                organizer = organizers.get(event["organizer_id"], {})
                rows.append((
                    event["slug"], event["title"], event.get("city"), event.get("category"),
                    event["starts_at"].isoformat(), going.get(event["_id"], 0), event.get("capacity"),
                    organizer.get("email"), organizer.get("display_name"),
                ))
            written = await ReportService(settings.analytics_db_path).rebuild(rows)
            typer.echo(f"exported {written} events to {settings.analytics_db_path}")
        finally:
            client.close()

    asyncio.run(run())


@cli.command()
def purge_unverified(days: int = typer.Option(14, min=1), dry_run: bool = False):
    """Delete accounts that never confirmed their e-mail address."""
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)

    async def run():
        client, db = _database()
        try:
            if dry_run:
                pending = await db["users"].count_documents({"email_verified": False, "created_at": {"$lt": cutoff}})
                typer.echo(f"{pending} unverified accounts older than {days} days")
                return
            deleted = await UserRepository(db).delete_unverified_before(cutoff)
            typer.echo(f"deleted {deleted} unverified accounts")
        finally:
            client.close()

    asyncio.run(run())


if __name__ == "__main__":
    cli()
