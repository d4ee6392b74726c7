"""``flask shop ...`` maintenance commands."""
import random
import secrets

import click
from flask import current_app
from flask.cli import AppGroup
from psycopg2 import sql

from .db import get_cursor
from .extensions import bcrypt
from .repositories import ApiKeyRepository, UserRepository
from .security import api_key_digest

shop_cli = AppGroup("shop", help="Corner Shop maintenance commands.")

DEMO_TABLES = ("order_items", "orders", "reviews", "gift_cards", "products", "categories")
DEMO_CATEGORIES = ("Coffee", "Tea", "Kitchen", "Gifts")
DEMO_ADJECTIVES = ("Smoky", "Bright", "Velvet", "Wild", "Golden", "Morning")
DEMO_NOUNS = ("Blend", "Roast", "Mug", "Kettle", "Sampler", "Tin")


@shop_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="Shop Admin", show_default=True)
@click.password_option()
def create_admin(email, name, password):
    """Create a staff account."""
    users = UserRepository()
    if users.get_by_email(email):
        raise click.ClickException(f"{email} already has an account")
    password_hash = bcrypt.generate_password_hash(password).decode("utf-8")
    user_id = users.create(email, password_hash, name, is_staff=True)
    click.echo(f"Created staff user #{user_id} <{email}>")


@shop_cli.command("create-api-key")
@click.argument("name")
def create_api_key(name):
    """Issue an API key for an integration. The key is shown once."""
    raw_key = "csk_" + secrets.token_urlsafe(32)
    ApiKeyRepository().create(name, raw_key[:8], api_key_digest(raw_key))
    click.echo(f"API key for {name} (store it now, it cannot be shown again):\n{raw_key}")


@shop_cli.command("seed-demo")
@click.option("--products", default=40, show_default=True)
def seed_demo(products):
    """Fill an empty database with demo categories and products."""
    rng = random.Random(7)
    with get_cursor(commit=True) as cur:
        category_ids = []
        for position, name in enumerate(DEMO_CATEGORIES):
            cur.execute(
                "INSERT INTO categories (slug, name, position) VALUES (%s, %s, %s) RETURNING id",
                (name.lower(), name, position),
            )
            category_ids.append(cur.fetchone()["id"])
        for n in range(products):
            name = f"{rng.choice(DEMO_ADJECTIVES)} {rng.choice(DEMO_NOUNS)} {n + 1}"
            cur.execute(
                "INSERT INTO products (category_id, sku, slug, name, description, price_cents, stock, is_featured) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    rng.choice(category_ids),
                    f"DEMO-{n + 1:04d}",
                    name.lower().replace(" ", "-"),
                    name,
                    f"A lovely {name.lower()} for everyday use.",
                    rng.randrange(399, 4999, 50),
                    rng.randint(0, 120),
                    rng.random() < 0.2,
                ),
            )
    click.echo(f"Seeded {len(DEMO_CATEGORIES)} categories and {products} products.")


@shop_cli.command("reset-demo-data")
@click.confirmation_option(prompt="This deletes all orders and products. Continue?")
def reset_demo_data():
    """Empty the catalogue and order tables (never in production)."""
    if current_app.config["ENV_NAME"] == "production":
        raise click.ClickException("refusing to wipe a production database")
    with get_cursor(commit=True) as cur:
        for table in DEMO_TABLES:
            cur.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(sql.Identifier(table)))
    click.echo("Demo data removed.")


def register_cli(app):
    app.cli.add_command(shop_cli)
