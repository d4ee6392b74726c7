"""`flask crm ...` maintenance commands."""
import random
import secrets
from datetime import datetime, timedelta, timezone

import click
from flask import Flask
from flask.cli import AppGroup
from werkzeug.security import generate_password_hash

from .db import queries
from .extensions import db
from .models import Contact, Deal, User
from .services import campaign_service

crm_cli = AppGroup("crm", help="Northwind CRM maintenance commands.")

DEMO_COMPANIES = ["Acme GmbH", "Globex", "Initech", "Umbrella Ltd", "Hooli", "Vandelay Imports"]
DEMO_FIRST = ["Ana", "Ben", "Chloe", "Dario", "Eva", "Farid", "Greta", "Hugo"]
DEMO_LAST = ["Meyer", "Rossi", "Novak", "Dubois", "Jensen", "Kowalski", "Silva"]


@crm_cli.command("init-db")
def init_db():
    db.create_all()
    click.echo("Tables created.")


@crm_cli.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--admin", is_flag=True, default=False)
def create_user(email, name, admin):
    initial = secrets.token_urlsafe(16)
    with db.engine.begin() as conn:
        queries.insert_user(conn, email.strip().lower(), name, generate_password_hash(initial),
                            initial, is_admin=admin)
    click.echo(f"Created {email}. The initial password is visible to admins under /admin/users.")


@crm_cli.command("seed-demo")
@click.option("--contacts", "n_contacts", default=40, show_default=True)
@click.option("--owner-email", required=True)
def seed_demo(n_contacts, owner_email):
    """Fill a development database with plausible-looking sample data."""
    owner = User.query.filter_by(email=owner_email.lower()).first()
    if owner is None:
        raise click.ClickException(f"No user {owner_email}")
    rng = random.Random(1234)
    for _ in range(n_contacts):
        first, last = rng.choice(DEMO_FIRST), rng.choice(DEMO_LAST)
        contact = Contact(owner_id=owner.id, first_name=first, last_name=last,
                          email=f"{first}.{last}{rng.randint(1, 999)}@example.com".lower(),
                          company=rng.choice(DEMO_COMPANIES), tags=rng.choice(["", "vip", "trade-fair"]))
        db.session.add(contact)
        db.session.flush()
        if rng.random() < 0.6:
            db.session.add(Deal(contact_id=contact.id, owner_id=owner.id,
                                title=f"{contact.company} renewal",
                                amount=rng.randrange(500, 50000, 250),
                                stage=rng.choice(Deal.STAGES)))
    db.session.commit()
    click.echo(f"Seeded {n_contacts} contacts for {owner.email}.")


@crm_cli.command("purge-notes")
@click.option("--older-than-days", default=730, show_default=True)
def purge_notes(older_than_days):
    cutoff = datetime.now(timezone.utc) - timedelta(days=older_than_days)
    with db.engine.begin() as conn:
        removed = queries.purge_notes_before(conn, cutoff)
    click.echo(f"Removed {removed} notes older than {cutoff:%Y-%m-%d}.")


@crm_cli.command("backfill-unsubscribe-tokens")
def backfill_unsubscribe_tokens():
    count = 0
    for contact in Contact.query.filter(Contact.unsubscribe_token.is_(None)):
        campaign_service.ensure_unsubscribe_token(contact)
        count += 1
    db.session.commit()
    click.echo(f"Issued {count} unsubscribe tokens.")


def init_app(app: Flask):
    app.cli.add_command(crm_cli)
