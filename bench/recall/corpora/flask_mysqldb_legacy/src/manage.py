#!/usr/bin/env python
"""Operational commands: ``python manage.py --help``."""
import getpass
import os

import click

from rota import create_app
from rota.repositories import users as user_repo
from rota.security.passwords import hash_password


def _app():
    return create_app(os.environ.get("ROTA_ENV", "production"))


@click.group()
def cli():
    pass


@cli.command()
@click.option("--port", default=5000, show_default=True)
def runserver(port):
    """Run the Werkzeug server for local work on the clinic laptops."""
    app = _app()
    app.run(
        host="0.0.0.0",
        port=port,
        debug=True,
    )


@cli.command("create-manager")
@click.argument("email")
@click.argument("clinic_id", type=int)
@click.option("--name", prompt=True)
def create_manager(email, clinic_id, name):
    password = getpass.getpass("Password: ")
    if len(password) < 10:
        raise click.BadParameter("password must be at least 10 characters")
    with _app().app_context():
        uid = user_repo.create(email, name, "manager", clinic_id, hash_password(password))
    click.echo(f"created manager #{uid}")


@cli.command("import-staff")
@click.argument("csv_path", type=click.File("r", encoding="utf-8"))
def import_staff_cmd(csv_path):
    from rota.services.import_staff import import_csv

    default_password = getpass.getpass("Initial password for rows without one: ")
    with _app().app_context():
        created, skipped = import_csv(csv_path, default_password)
    click.echo(f"{created} created, {skipped} skipped")


@cli.command("send-reminders")
def send_reminders():
    from rota.jobs import send_shift_reminders

    with _app().app_context():
        send_shift_reminders()


if __name__ == "__main__":
    cli()
