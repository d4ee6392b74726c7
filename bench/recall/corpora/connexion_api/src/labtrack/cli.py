"""Operator commands: ``labtrack-admin <command>``.

Imports run against the same database as the web app; set LABTRACK_ENV and
DATABASE_URL the way the deployment does.
"""
from __future__ import annotations

import csv
import secrets
import sys
from datetime import datetime
from pathlib import Path

import click
from sqlalchemy.exc import IntegrityError

from labtrack.app import create_app
from labtrack.database import get_engine, get_session
from labtrack.models import ALL_ROLES, Base, Sample, User
from labtrack.repositories import users as users_repo
from labtrack.services import api_keys
from labtrack.services.passwords import hash_password, hash_pin

REQUIRED_SAMPLE_COLUMNS = {"barcode", "patient_ref", "site_code", "sample_type"}


@click.group()
@click.option("--env", envvar="LABTRACK_ENV", default=None, help="Configuration to load.")
@click.pass_context
def cli(ctx: click.Context, env: str | None) -> None:
    connexion_app = create_app(env)
    ctx.obj = connexion_app.app
    ctx.with_resource(connexion_app.app.app_context())


@cli.command("init-db")
def init_db() -> None:
    """Create tables (use migrations for existing databases)."""
    Base.metadata.create_all(get_engine())
    click.echo("tables created")


@cli.command("import-samples")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True)
def import_samples(csv_path: Path, dry_run: bool) -> None:
    """Bulk-register samples from a partner manifest (CSV)."""
    session = get_session()
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_SAMPLE_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise click.ClickException(f"manifest is missing columns: {', '.join(sorted(missing))}")
        created = skipped = 0
        for row in reader:
            barcode = row["barcode"].strip().upper()
            if session.query(Sample.id).filter_by(barcode=barcode).first():
                skipped += 1
                continue
            collected = row.get("collected_at") or None
            session.add(
                Sample(
                    barcode=barcode,
                    patient_ref=row["patient_ref"].strip(),
                    site_code=row["site_code"].strip().upper(),
                    sample_type=row["sample_type"].strip().lower(),
                    notes=row.get("notes") or None,
                    collected_at=datetime.fromisoformat(collected) if collected else None,
                    status="in_transit",
                )
            )
            created += 1
    if dry_run:
        session.rollback()
    else:
        session.commit()
    click.echo(f"{created} created, {skipped} already present{' (dry run)' if dry_run else ''}")


@cli.command("create-staff")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=click.Choice(sorted(ALL_ROLES - {"partner"})), default="staff")
@click.option("--site", "site_code", default=None)
@click.option("--with-pin", is_flag=True, help="Also issue a six-digit kiosk PIN.")
def create_staff(email: str, full_name: str, role: str, site_code: str | None, with_pin: bool) -> None:
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    session = get_session()
    user = User(email=email.lower(), full_name=full_name, role=role, site_code=site_code,
                password_hash=hash_password(password), email_verified=True)
    pin = None
    if with_pin:
        pin = f"{secrets.randbelow(1_000_000):06d}"
        user.kiosk_pin_hash = hash_pin(pin)
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise click.ClickException(f"{email} already exists") from None
    click.echo(f"created {role} {email} (id {user.id})")
    if pin:
        click.echo(f"kiosk PIN: {pin}")


@cli.command("create-api-key")
@click.argument("owner_email")
@click.option("--name", required=True, help="Label shown in the admin UI, e.g. the partner LIMS name.")
@click.option("--scope", "scopes", multiple=True, default=["samples:read"], show_default=True)
def create_api_key(owner_email: str, name: str, scopes: tuple[str, ...]) -> None:
    session = get_session()
    owner = users_repo.get_by_email(session, owner_email)
    if owner is None:
        raise click.ClickException(f"no user {owner_email}")
    raw, record = api_keys.create(session, owner, name, list(scopes))
    click.echo(f"key id {record.id} for {owner.email}; store it now, it is not shown again:")
    click.echo(raw)


@cli.command("revoke-api-key")
@click.argument("key_id", type=int)
def revoke_api_key(key_id: int) -> None:
    if not api_keys.revoke(get_session(), key_id):
        click.echo("no such active key", err=True)
        sys.exit(1)
    click.echo("revoked")


if __name__ == "__main__":
    cli()
