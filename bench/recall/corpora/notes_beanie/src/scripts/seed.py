"""Seed a development database with demo users, notebooks and notes.

    python scripts/seed.py demo --users 3 --notes 40
    python scripts/seed.py create-admin admin@example.com
"""
from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import typer

from inkwell import db
from inkwell.config import settings
from inkwell.models import Member, Note, Notebook, User
from inkwell.security.passwords import hash_password, password_problems
from inkwell.utils import utcnow

app = typer.Typer(add_completion=False, help=__doc__)

WORDS = (
    "ink quill draft margin chapter outline sketch index ledger folio page note idea plan "
    "meeting review backlog sprint release roadmap retro summary agenda action follow-up "
    "research reading list recipe travel packing budget garden book film podcast"
).split()
TAGS = ["work", "personal", "ideas", "reading", "recipes", "travel", "meetings", "todo"]


def _sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, k=rng.randint(6, 14))
    return " ".join(words).capitalize() + "."


def _body(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 5)):
        paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 6))))
    if rng.random() < 0.4:
        paragraphs.append("\n".join(f"- [ ] {_sentence(rng)}" for _ in range(rng.randint(2, 5))))
    return "\n\n".join(paragraphs)


async def _seed(users: int, notes: int, password: str, seed: int) -> None:
    if settings.is_production:
        raise typer.BadParameter("refusing to seed a production database")
    await db.connect()
    rng = random.Random(seed)

    created: list[User] = []
    for i in range(users):
        email = f"demo{i + 1}@example.com"
        user = await User.find_one(User.email == email)
        if user is None:
            user = User(
                email=email,
                display_name=f"Demo User {i + 1}",
                password_hash=hash_password(password),
                email_verified=True,
            )
            await user.insert()
        created.append(user)

    owner = created[0]
    notebook = Notebook(
        name="Team handbook",
        owner_id=owner.id,
        members=[Member(user_id=u.id, role="owner" if u.id == owner.id else "editor") for u in created],
    )
    await notebook.insert()

    now = utcnow()
    for _ in range(notes):
        author = rng.choice(created)
        in_notebook = rng.random() < 0.5
        body = _body(rng)
        await Note(
            owner_id=owner.id if in_notebook else author.id,
            notebook_id=notebook.id if in_notebook else None,
            title=_sentence(rng).rstrip(".")[:60],
            body=body,
            tags=rng.sample(TAGS, k=rng.randint(0, 3)),
            word_count=len(body.split()),
            last_editor_id=author.id,
            updated_at=now - timedelta(hours=rng.randint(0, 24 * 30)),
        ).insert()

    typer.echo(f"seeded {len(created)} users and {notes} notes into {settings.mongo_db}")
    await db.disconnect()


@app.command()
def demo(
    users: int = typer.Option(3, min=1, max=50),
    notes: int = typer.Option(40, min=0, max=5000),
    seed: int = typer.Option(1234, help="RNG seed so demo content is reproducible"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Create demo users (all sharing the given password) and random notes."""
    problems = password_problems(password)
    if problems:
        raise typer.BadParameter(" ".join(problems))
    asyncio.run(_seed(users, notes, password, seed))


async def _create_admin(email: str, name: str, password: str) -> None:
    await db.connect()
    email = email.strip().lower()
    user = await User.find_one(User.email == email)
    if user is None:
        user = User(email=email, display_name=name, password_hash=hash_password(password))
    user.is_admin = True
    user.email_verified = True
    await user.save()
    typer.echo(f"{email} is now an admin")
    await db.disconnect()


@app.command("create-admin")
def create_admin(
    email: str,
    name: str = typer.Option("Administrator"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Create an admin account, or promote an existing one."""
    problems = password_problems(password, email=email)
    if problems:
        raise typer.BadParameter(" ".join(problems))
    asyncio.run(_create_admin(email, name, password))


if __name__ == "__main__":
    app()
