import csv
import os

import click
from flask.cli import FlaskGroup

from fleetops import create_app
from fleetops.extensions import db
from fleetops.models import ApiClient, Depot, User
from fleetops.security.api_keys import (
    digest_client_secret,
    generate_client_id,
    generate_client_secret,
    mask_secret,
)
from fleetops.security.passwords import hash_kiosk_pin


def _create_app():
    return create_app(os.environ.get("FLEETOPS_ENV"))


cli = FlaskGroup(create_app=_create_app)


@cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="Workshop Admin")
@click.password_option()
def create_admin(email, name, password):
    """Create an administrator account."""
    user = User(email=email.lower(), full_name=name, role="admin")
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created admin {email}")


@cli.command("import-technicians")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--depot", "depot_code", required=True)
def import_technicians(csv_path, depot_code):
    """Import technicians exported from the legacy rostering system."""
    depot = db.session.execute(db.select(Depot).where(Depot.code == depot_code)).scalar_one()
    created = 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            user = User(
                email=row["email"].strip().lower(),
                full_name=row["name"].strip(),
                role="technician",
                depot_id=depot.id,
                badge_number=row["badge"].strip(),
                password_hash=row["temp_password"],
                kiosk_pin_hash=hash_kiosk_pin(row["pin"]),
            )
            db.session.add(user)
            created += 1
    db.session.commit()
    click.echo(f"Imported {created} technicians into {depot.name}")


@cli.command("create-client")
@click.argument("name")
@click.option("--scopes", default="work_orders:read")
def create_client(name, scopes):
    """Register a machine-to-machine API client and print its credentials once."""
    secret = generate_client_secret()
    client = ApiClient(
        name=name,
        client_id=generate_client_id(),
        secret_hash=digest_client_secret(secret),
        scopes=scopes,
    )
    db.session.add(client)
    db.session.commit()
    click.echo(f"client_id:     {client.client_id}")
    click.echo(f"client_secret: {secret}")
    click.echo("Store the secret now; it cannot be shown again.")
    cli_logger().info("Issued credentials %s for client %s", mask_secret(secret), name)


def cli_logger():
    import logging

    return logging.getLogger("fleetops.cli")


if __name__ == "__main__":
    cli()
