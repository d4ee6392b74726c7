import secrets

import click
from flask import current_app
from flask.cli import with_appcontext

from .db import database
from .models import ALL_MODELS, User


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Create any missing tables."""
    database.create_tables(ALL_MODELS, safe=True)
    click.echo("Tables created.")


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default="Committee")
@with_appcontext
def create_admin_command(email, name):
    """Create a committee account, prompting for the password."""
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < current_app.config["PASSWORD_MIN_LENGTH"]:
        raise click.UsageError("Password is too short.")
    user = User(email=email.lower(), display_name=name, is_admin=True, email_verified=True)
    user.set_password(password)
    user.save()
    click.echo(f"Created admin {user.email} (id {user.id}).")


@click.command("new-kiosk-key")
def new_kiosk_key_command():
    """Generate a key for a water-meter kiosk; store it as KIOSK_API_KEY."""
    click.echo(secrets.token_urlsafe(32))


@click.command("purge-season")
@click.argument("season")
@click.option("--yes", is_flag=True)
@with_appcontext
def purge_season_command(season, yes):
    """Delete harvest records for an archived season."""
    if not season.isdigit() or len(season) != 4:
        raise click.BadParameter("season must be a year, e.g. 2019")
    if not yes:
        click.confirm(f"Delete all harvest entries for {season}?", abort=True)
    cursor = database.execute_sql("DELETE FROM harvestentry WHERE season = %s", (season,))
    click.echo(f"Deleted {cursor.rowcount} rows.")


def init_app(app):
    for command in (init_db_command, create_admin_command, new_kiosk_key_command, purge_season_command):
        app.cli.add_command(command)
