"""``flask dispatch ...`` commands."""
import random
from datetime import date, timedelta
from decimal import Decimal

import click
from flask import current_app
from flask.cli import with_appcontext

from .extensions import appbuilder, db
from .models.shipment import Carrier, Depot, Driver, Shipment

DEMO_DEPOTS = [
    ("HAM1", "Hamburg Billbrook", "north"),
    ("BER2", "Berlin Marienfelde", "east"),
    ("CGN1", "Köln Eifeltor", "west"),
    ("MUC3", "München Freiham", "south"),
]
DEMO_CARRIERS = [("SwiftFreight", "swiftfreight", "jwt"), ("ParcelLink", "parcellink", "hmac")]
DEMO_NAMES = ["Jana Peters", "Murat Kaya", "Lea Schulz", "Tomasz Nowak", "Ines Brandt", "Ali Haddad"]
DEMO_STREETS = ["Hauptstraße", "Lindenallee", "Am Markt", "Bahnhofstraße", "Gartenweg"]


@click.group("dispatch")
def dispatch_cli():
    """DispatchDesk maintenance commands."""


@dispatch_cli.command("create-admin")
@click.option("--username", required=True)
@click.option("--email", required=True)
@click.option("--first-name", default="Ops")
@click.option("--last-name", default="Admin")
@click.password_option()
@with_appcontext
def create_admin(username, email, first_name, last_name, password):
    """Create a back-office administrator."""
    sm = appbuilder.sm
    role = sm.find_role(sm.auth_role_admin)
    user = sm.add_user(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        role=role,
        password=password,
    )
    if not user:
        raise click.ClickException("could not create user (duplicate username or e-mail?)")
    click.echo(f"Admin {username} created.")


@dispatch_cli.command("seed-demo")
@click.option("--shipments", "shipment_count", default=200, show_default=True)
@with_appcontext
def seed_demo(shipment_count):
    """Fill an empty database with demo depots, drivers and shipments."""
    if current_app.config.get("DISPATCHDESK_ENV") == "production":
        raise click.ClickException("refusing to seed demo data in production")
    if db.session.query(Depot).count():
        raise click.ClickException("database is not empty")

    random.seed(42)  # identical demo data on every laptop

    depots = [Depot(code=c, name=n, region=r) for c, n, r in DEMO_DEPOTS]
    carriers = [Carrier(name=n, slug=s, auth_scheme=a) for n, s, a in DEMO_CARRIERS]
    db.session.add_all(depots + carriers)

    drivers = []
    for depot in depots:
        for name in random.sample(DEMO_NAMES, 3):
            drivers.append(Driver(full_name=name, depot=depot, phone=f"+49 151 {random.randint(1000000, 9999999)}"))
    db.session.add_all(drivers)

    today = date.today()
    for i in range(shipment_count):
        depot = random.choice(depots)
        db.session.add(
            Shipment(
                reference=f"DD{today:%y%m}{i:05d}",
                tracking_number=f"SF{random.randint(10**9, 10**10 - 1)}",
                carrier=random.choice(carriers),
                depot=depot,
                consignee_name=random.choice(DEMO_NAMES),
                delivery_address=f"{random.choice(DEMO_STREETS)} {random.randint(1, 120)}",
                postcode=f"{random.randint(10000, 99999)}",
                weight_kg=Decimal(random.randint(1, 300)) / 10,
                promised_on=today + timedelta(days=random.randint(-3, 4)),
                status=random.choice(["created", "at_depot", "out_for_delivery", "delivered"]),
            )
        )
    db.session.commit()
    click.echo(f"Seeded {len(depots)} depots, {len(drivers)} drivers, {shipment_count} shipments.")


@dispatch_cli.command("sync-now")
@with_appcontext
def sync_now():
    """Queue an immediate carrier status poll."""
    from .tasks.sync import poll_carrier_updates

    result = poll_carrier_updates.delay()
    click.echo(f"queued {result.id}")


@dispatch_cli.command("purge")
@with_appcontext
def purge():
    """Run the retention purge synchronously."""
    from .tasks.maintenance import purge_old_rows

    click.echo(purge_old_rows())


def register_cli(app):
    app.cli.add_command(dispatch_cli)
