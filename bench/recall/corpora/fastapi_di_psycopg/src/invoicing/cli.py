"""Admin CLI: ``invoicing-admin --help``."""

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar
from uuid import UUID

import psycopg
import typer

from invoicing.config import get_settings
from invoicing.containers import Container
from invoicing.security.api_keys import generate_key
from invoicing.security.passwords import MIN_PASSWORD_LENGTH, hash_password

app = typer.Typer(help="Invoicing administration commands.", no_args_is_help=True)

T = TypeVar("T")

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def _run(fn: Callable[[Container], Awaitable[T]]) -> T:
    async def runner() -> T:
        container = Container()
        await container.init_resources()
        try:
            return await fn(container)
        finally:
            await container.shutdown_resources()

    return asyncio.run(runner())


@app.command("migrate")
def migrate() -> None:
    """Apply SQL migrations that have not been applied yet."""

    async def apply() -> list[str]:
        applied_now: list[str] = []
        async with await psycopg.AsyncConnection.connect(get_settings().database_url) as conn:
            async with conn.cursor() as cur:
                await cur.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
                )
                await cur.execute("SELECT name FROM schema_migrations")
                done = {row[0] for row in await cur.fetchall()}
            for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
                if path.name in done:
                    continue
                async with conn.transaction(), conn.cursor() as cur:
                    await cur.execute(path.read_text(encoding="utf-8"))
                    await cur.execute("INSERT INTO schema_migrations (name) VALUES (%s)", (path.name,))
                applied_now.append(path.name)
        return applied_now

    for name in asyncio.run(apply()):
        typer.echo(f"Applied {name}")
    typer.echo("Database is up to date")


@app.command("create-user")
def create_user(
    tenant_id: UUID,
    email: str,
    full_name: str = typer.Option(..., prompt=True),
    role: str = typer.Option("admin", help="owner, admin or member"),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Create a staff user in an existing tenant."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise typer.BadParameter(f"password must be at least {MIN_PASSWORD_LENGTH} characters")

    async def action(container: Container) -> dict:
        return await container.user_repository().create(
            tenant_id, email.lower(), full_name, hash_password(password), role
        )

    user = _run(action)
    typer.echo(f"Created user {user['email']} ({user['id']}) with role {user['role']}")


@app.command("set-password")
def set_password(
    email: str,
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Reset a staff user's password."""

    async def action(container: Container) -> bool:
        return await container.user_repository().set_password_hash(email.lower(), hash_password(password))

    if not _run(action):
        typer.secho(f"No user with e-mail {email}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    typer.echo(f"Password updated for {email}")


@app.command("create-api-key")
def create_api_key(
    tenant_id: UUID,
    name: str,
    scope: list[str] = typer.Option(["invoices:read"], "--scope", "-s"),
) -> None:
    """Create an API key for a machine client. The key is shown once."""
    generated = generate_key()

    async def action(container: Container) -> dict:
        return await container.api_key_repository().create(
            tenant_id, name, generated.prefix, generated.digest, scope
        )

    record = _run(action)
    typer.echo(f"Created API key {record['id']} ({name}). Store it now; it cannot be shown again:")
    typer.echo(generated.raw)


@app.command("revoke-api-key")
def revoke_api_key(tenant_id: UUID, key_id: UUID) -> None:
    async def action(container: Container) -> bool:
        return await container.api_key_repository().revoke(tenant_id, key_id)

    if not _run(action):
        typer.secho("API key not found or already revoked", fg=typer.colors.YELLOW, err=True)
        raise typer.Exit(code=1)
    typer.echo(f"Revoked {key_id}")


@app.command("flush-portal-sessions")
def flush_portal_sessions() -> None:
    """Sign every customer contact out of the portal."""

    async def action(container: Container) -> int:
        redis = container.redis()
        removed = 0
        async for key in redis.scan_iter(match="portal-session:*", count=500):
            removed += await redis.delete(key)
        return removed

    typer.echo(f"Removed {_run(action)} portal sessions")


if __name__ == "__main__":
    app()
