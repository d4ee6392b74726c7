import logging
import random
from datetime import date, datetime, timedelta

import click
from flask.cli import AppGroup

from fleet.extensions import db
from fleet.models import ApiClient, Depot, Driver, User, Vehicle
from fleet.services.mailer import send_licence_expiry_warning
from fleet.services.tokens import mask, new_api_key

log = logging.getLogger("fleet.cli")

seed_cli = AppGroup("seed", help="Demo and fixture data.")
keys_cli = AppGroup("keys", help="Partner API key management.")
ops_cli = AppGroup("ops", help="Operational jobs (run from cron).")

DEMO_DEPOTS = [("LON1", "London Park Royal", "London"), ("MAN1", "Manchester Trafford", "Manchester")]
DEMO_MAKES = [("Ford", "Transit"), ("Mercedes", "Sprinter"), ("Vauxhall", "Vivaro"), ("Renault", "Master")]
FIRST_NAMES = ["Sam", "Priya", "Tom", "Aisha", "Dan", "Marta", "Jon", "Chloe", "Ravi", "Ellie"]
LAST_NAMES = ["Hughes", "Patel", "Nowak", "Khan", "Evans", "Silva", "Reid", "Murphy"]


@seed_cli.command("demo")
@click.option("--vehicles", default=40, show_default=True)
@click.option("--drivers", default=25, show_default=True)
def seed_demo(vehicles, drivers):
    """Fill an empty database with demo depots, vans and drivers."""
    if Vehicle.query.count():
        raise click.ClickException("Database already has vehicles, refusing to seed")

    depots = []
    for code, name, city in DEMO_DEPOTS:
        depot = Depot(code=code, name=name, city=city)
        db.session.add(depot)
        depots.append(depot)
    db.session.flush()

    for i in range(vehicles):
        make, model = random.choice(DEMO_MAKES)
        db.session.add(
            Vehicle(
                plate=f"FL{random.randint(10, 73)} {''.join(random.sample('ABCDEFGHJKLMNPRSTUVWXYZ', 3))}",
                make=make,
                model=model,
                year=random.randint(2016, 2024),
                odometer_km=random.randint(5_000, 240_000),
                depot=depots[i % len(depots)],
            )
        )

    for i in range(drivers):
        driver = Driver(
            first_name=random.choice(FIRST_NAMES),
            last_name=random.choice(LAST_NAMES),
            phone=f"+44770090{i:04d}",
            licence_expires=date.today() + timedelta(days=random.randint(10, 1500)),
            depot=depots[i % len(depots)],
        )
        driver.set_pin("{:04d}".format(1000 + i))
        db.session.add(driver)

    db.session.commit()
    click.echo(f"Seeded {len(depots)} depots, {vehicles} vehicles, {drivers} drivers (PIN = 1000 + index)")


@seed_cli.command("admin")
@click.option("--email", prompt=True)
@click.option("--name", prompt="Full name")
@click.password_option()
def create_admin(email, name, password):
    """Create (or promote) an admin account."""
    user = User.query.filter_by(email=email.lower()).first()
    if user is None:
        user = User(email=email.lower(), full_name=name)
        db.session.add(user)
    user.role = "admin"
    user.active = True
    user.set_password(password)
    db.session.commit()
    click.echo(f"Admin {user.email} ready.")


@keys_cli.command("create")
@click.argument("name")
@click.option("--scope", "scopes", multiple=True, default=["read"])
def create_client(name, scopes):
    if ApiClient.query.filter_by(name=name).first():
        raise click.ClickException(f"Client {name} exists")
    key = new_api_key()
    db.session.add(ApiClient(name=name, api_key=key, scopes=" ".join(scopes), rotated_at=datetime.utcnow()))
    db.session.commit()
    click.echo(f"Client {name} created. Key (shown once): {key}")


@keys_cli.command("rotate")
@click.option("--client", "client_name", help="Only rotate this client")
@click.option("--older-than", default=90, show_default=True, help="Days since last rotation")
@click.option("--dry-run", is_flag=True)
def rotate_keys(client_name, older_than, dry_run):
    """Issue new keys to partners whose key is older than N days."""
    cutoff = datetime.utcnow() - timedelta(days=older_than)
    query = ApiClient.query.filter(ApiClient.active.is_(True))
    if client_name:
        query = query.filter(ApiClient.name == client_name)
    else:
        query = query.filter(db.or_(ApiClient.rotated_at.is_(None), ApiClient.rotated_at < cutoff))

    rotated = []
    for client in query.all():
        new_key = new_api_key()
        click.echo(f"{client.name}: {mask(client.api_key)} -> {new_key}")
        if not dry_run:
            client.api_key = new_key
            client.rotated_at = datetime.utcnow()
        rotated.append(client.name)

    if not dry_run:
        db.session.commit()
    log.info("rotated %d api keys (dry_run=%s)", len(rotated), dry_run)


@keys_cli.command("list")
def list_clients():
    for client in ApiClient.query.order_by(ApiClient.name):
        state = "active" if client.active else "disabled"
        click.echo(f"{client.name:20} {mask(client.api_key):16} {client.scopes:24} {state}")


@ops_cli.command("licence-warnings")
@click.option("--days", default=30, show_default=True)
def licence_warnings(days):
    horizon = date.today() + timedelta(days=days)
    drivers = Driver.query.filter(
        Driver.status == "active", Driver.licence_expires.isnot(None), Driver.licence_expires <= horizon
    ).all()
    for driver in drivers:
        send_licence_expiry_warning(driver, (driver.licence_expires - date.today()).days)
    click.echo(f"Sent {len(drivers)} warnings")


def register(app):
    app.cli.add_command(seed_cli)
    app.cli.add_command(keys_cli)
    app.cli.add_command(ops_cli)
