"""Operator CLI: ``python -m app.cli --help``."""
import asyncio
import hashlib
import json
import time
from datetime import timedelta
from functools import wraps

import asyncpg
import jwt
import typer
import uvicorn
from rich.console import Console
from sqlmodel import select

from app.core.config import settings
from app.core.security import hash_password
from app.db.session import async_session_factory, init_models
from app.models import User
from app.services import rollups

cli = typer.Typer(help="Pulse telemetry operator tools", no_args_is_help=True)
console = Console()


def run_async(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


@cli.command("init-db")
@run_async
async def init_db() -> None:
    """Create tables that don't exist yet (migrations handle the rest)."""
    await init_models()
    console.print("[green]tables created[/green]")


@cli.command("create-operator")
@run_async
async def create_operator(
    email: str = typer.Argument(..., help="E-mail of the support engineer"),
    full_name: str = typer.Option("", "--name"),
) -> None:
    """Create a superuser for the support team and print a temporary password."""
    temp_password = hashlib.md5(f"{email}:{time.time()}".encode()).hexdigest()[:12]
    async with async_session_factory() as session:
        existing = (await session.exec(select(User).where(User.email == email.lower()))).first()
        if existing:
            console.print(f"[red]{email} already exists[/red]")
            raise typer.Exit(1)
        user = User(
            email=email.lower(),
            full_name=full_name or None,
            hashed_password=hash_password(temp_password),
            is_superuser=True,
        )
        session.add(user)
        await session.commit()
    console.print(f"created operator {email}")
    console.print(f"temporary password: [bold]{temp_password}[/bold] (ask them to reset it)")


@cli.command("purge")
@run_async
async def purge(
    project_id: int,
    days: int = typer.Option(395, min=30, help="Delete raw events older than this"),
    yes: bool = typer.Option(False, "--yes"),
) -> None:
    """Drop raw events past the retention window for one project."""
    if not yes:
        typer.confirm(f"Delete events older than {days} days for project {project_id}?", abort=True)
    conn = await asyncpg.connect(settings.timeseries_dsn)
    try:
        status = await conn.execute(
            "DELETE FROM events WHERE project_id = $1 AND ts < now() - $2::interval",
            project_id,
            timedelta(days=days),
        )
    finally:
        await conn.close()
    console.print(status)


@cli.command("vacuum")
@run_async
async def vacuum() -> None:
    """VACUUM ANALYZE the hot tables after a large purge."""
    conn = await asyncpg.connect(settings.timeseries_dsn)
    try:
        for table in ("events", "event_names", *rollups.ROLLUP_TABLES.values()):
            console.print(f"vacuum {table}")
            await conn.execute(f"VACUUM ANALYZE {table}")
    finally:
        await conn.close()


@cli.command("inspect-token")
def inspect_token(token: str) -> None:
    """Pretty-print a JWT a customer pasted into a support ticket."""
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, options={"verify_signature": False})
    console.print_json(json.dumps({"header": header, "claims": claims}, default=str))
    try:
        jwt.decode(token, settings.jwt_secret, algorithms=[settings.jwt_algorithm])
        console.print("[green]signature valid, not expired[/green]")
    except jwt.PyJWTError as exc:
        console.print(f"[yellow]not valid: {exc}[/yellow]")


@cli.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", help="Bind address"),
    port: int = typer.Option(8000),
    reload: bool = typer.Option(False, help="Auto-reload on code changes (local dev)"),
) -> None:
    uvicorn.run("app.main:app", host=host, port=port, reload=reload, proxy_headers=True)


if __name__ == "__main__":
    cli()
