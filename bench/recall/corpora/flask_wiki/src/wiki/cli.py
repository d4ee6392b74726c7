"""``flask wiki ...`` maintenance commands."""
import click
from flask.cli import with_appcontext
from sqlalchemy import text

from .extensions import db

wiki_cli = click.Group("wiki", help="Wiki maintenance commands.")

COUNTED_TABLES = ("users", "pages", "revisions", "comments", "invitations")


@wiki_cli.command("init-db")
@with_appcontext
def init_db():
    db.create_all()
    click.echo("Database tables created.")


@wiki_cli.command("create-admin")
@click.argument("username")
@click.argument("email")
@click.password_option()
@with_appcontext
def create_admin(username, email, password):
    """Bootstrap the first administrator account."""
    db.session.execute(
        text(
            "INSERT INTO users (username, email, password_hash, is_admin, created_at) "
            "VALUES (:username, :email, :password, 1, CURRENT_TIMESTAMP)"
        ),
        {"username": username, "email": email, "password": password},
    )
    db.session.commit()
    click.echo(f"Administrator {username} created.")


@wiki_cli.command("stats")
@with_appcontext
def stats():
    for table in COUNTED_TABLES:
        count = db.session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
        click.echo(f"{table:>12}: {count}")


@wiki_cli.command("prune-revisions")
@click.option("--keep", default=50, show_default=True, help="Revisions to keep per page.")
@with_appcontext
def prune_revisions(keep):
    removed = db.session.execute(
        text(
            "DELETE FROM revisions WHERE id IN ("
            " SELECT id FROM (SELECT id, ROW_NUMBER() OVER ("
            "  PARTITION BY page_id ORDER BY created_at DESC) AS rn FROM revisions)"
            " WHERE rn > :keep)"
        ),
        {"keep": keep},
    ).rowcount
    db.session.commit()
    click.echo(f"Removed {removed} old revisions.")
