import asyncio
from datetime import datetime, timedelta, timezone
from functools import wraps

import typer
from tortoise import Tortoise, connections

from app.core.security import hash_password
from app.db import TORTOISE_ORM
from app.models import Course, PasswordReset, RefreshToken, Role, User

app = typer.Typer(help="Lingua Campus administration commands.", no_args_is_help=True)


def with_db(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        async def runner():
            await Tortoise.init(config=TORTOISE_ORM)
            try:
                return await func(*args, **kwargs)
            finally:
                await connections.close_all()

        return asyncio.run(runner())

    return wrapper


@app.command("create-user")
@with_db
async def create_user(
    email: str,
    full_name: str,
    role: Role = typer.Option(Role.TEACHER, case_sensitive=False),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
):
    """Create a teacher or admin account."""
    if await User.filter(email=email.lower()).exists():
        typer.secho(f"{email} already exists", fg=typer.colors.RED)
        raise typer.Exit(1)
    user = await User.create(
        email=email.lower(),
        full_name=full_name,
        role=role,
        hashed_password=hash_password(password),
        is_verified=True,
    )
    typer.secho(f"created {user.role.value} #{user.id} <{user.email}>", fg=typer.colors.GREEN)


@app.command("deactivate")
@with_db
async def deactivate(email: str):
    """Disable an account and revoke its refresh tokens."""
    user = await User.get_or_none(email=email.lower())
    if user is None:
        typer.secho("no such user", fg=typer.colors.RED)
        raise typer.Exit(1)
    user.is_active = False
    await user.save(update_fields=["is_active"])
    revoked = await RefreshToken.filter(user_id=user.id, revoked=False).update(revoked=True)
    typer.echo(f"deactivated {email}; revoked {revoked} refresh token(s)")


@app.command("purge-expired")
@with_db
async def purge_expired(days: int = typer.Option(30, min=1)):
    """Delete used or expired password resets and refresh tokens older than N days."""
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    resets = await PasswordReset.filter(expires_at__lt=cutoff).delete()
    conn = connections.get("default")
    deleted, _ = await conn.execute_query(
        "DELETE FROM refresh_tokens WHERE expires_at < $1 OR (revoked AND created_at < $1)", [cutoff]
    )
    typer.echo(f"removed {resets} password resets and {deleted} refresh tokens")


@app.command("courses")
@with_db
async def list_courses(include_archived: bool = False):
    """List courses with their teachers."""
    query = Course.all().prefetch_related("teacher")
    if not include_archived:
        query = query.filter(is_archived=False)
    for course in await query:
        typer.echo(f"{course.id:>5}  {course.language:<10} {course.level:<3} {course.title}  ({course.teacher.email})")


if __name__ == "__main__":
    app()
