"""`studioctl` – admin tasks for operators."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from studio.db.models import StaffRole, Studio, User
from studio.db.repositories import StudioRepository, UserRepository
from studio.jobs import export_invoices, purge_expired, send_reminders, session_scope
from studio.security.passwords import PasswordPolicyError, hash_password, validate_password

INVOICE_STATUSES = ["draft", "sent", "paid", "overdue", "void"]


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


@click.group()
def cli() -> None:
    """StudioBook administration."""


@cli.command("create-studio")
@click.option("--name", required=True)
@click.option("--slug", required=True)
@click.option("--contact-email", required=True)
def create_studio(name: str, slug: str, contact_email: str) -> None:
    async def _create() -> Studio:
        async with session_scope() as session:
            repo = StudioRepository(session=session)
            return await repo.add(Studio(name=name, slug=slug.lower(), contact_email=contact_email))

    studio = _run(_create())
    click.echo(f"created studio {studio.slug} ({studio.id})")


@cli.command("create-staff")
@click.option("--studio", "studio_slug", required=True)
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=click.Choice([r.value for r in StaffRole]), default=StaffRole.PHOTOGRAPHER.value)
@click.password_option("--password", prompt="Password for the new account")
def create_staff(studio_slug: str, email: str, full_name: str, role: str, password: str) -> None:
    try:
        validate_password(password)
    except PasswordPolicyError as exc:
        raise click.BadParameter(str(exc), param_hint="--password") from exc

    async def _create() -> User:
        async with session_scope() as session:
            studio = await StudioRepository(session=session).get_one(slug=studio_slug)
            user = User(
                studio_id=studio.id,
                email=email.strip().lower(),
                full_name=full_name,
                role=StaffRole(role),
                password_hash=hash_password(password),
            )
            return await UserRepository(session=session).add(user)

    user = _run(_create())
    click.echo(f"created {user.role.value} {user.email}")


@cli.command("reset-staff-password")
@click.option("--email", required=True)
@click.password_option("--password", prompt="New password")
def reset_staff_password(email: str, password: str) -> None:
    validate_password(password)

    async def _reset() -> None:
        async with session_scope() as session:
            repo = UserRepository(session=session)
            user = await repo.get_one(email=email.strip().lower())
            user.password_hash = hash_password(password)
            await repo.update(user)

    _run(_reset())
    click.echo("password updated")


@cli.command("export-invoices")
@click.option("--studio", "studio_slug", required=True)
@click.option("--status", type=click.Choice(INVOICE_STATUSES), default=None)
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("invoices.csv"))
def export_invoices_cmd(studio_slug: str, status: str | None, since: datetime | None, out: Path) -> None:
    since_date: date | None = since.date() if since else None
    rows = _run(export_invoices(studio_slug, out, status=status, since=since_date))
    click.echo(f"wrote {rows} rows to {out}")


@cli.command("send-reminders")
@click.option("--dry-run", is_flag=True)
@click.option("--loop", is_flag=True, help="Keep running, once every 15 minutes (for the worker container).")
def send_reminders_cmd(dry_run: bool, loop: bool) -> None:
    async def _loop() -> None:
        while True:
            click.echo(json.dumps(await send_reminders(dry_run=dry_run)))
            if not loop:
                return
            await asyncio.sleep(15 * 60)

    _run(_loop())


@cli.command("purge-expired")
def purge_expired_cmd() -> None:
    click.echo(json.dumps(_run(purge_expired()), indent=2))


@cli.command("dev")
@click.option("--port", default=8000, show_default=True)
def dev(port: int) -> None:
    """Run the development server with auto-reload on localhost."""
    import uvicorn

    uvicorn.run("studio.asgi:app", host="127.0.0.1", port=port, reload=True, reload_dirs=["studio"])


if __name__ == "__main__":
    sys.exit(cli())
