"""Admin commands: `flask --app wsgi <command>`."""
import random
import secrets

import click
from sqlalchemy import select, text

from .extensions import db
from .models import Application, User, utcnow

STAT_TABLES = ("users", "applications", "reviews", "invitations", "api_keys", "export_jobs")


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator")
@click.password_option()
def create_admin(email, name, password):
    """Create an admin account (or promote an existing one)."""
    user = db.session.scalar(select(User).where(User.email == email.lower()))
    if user is None:
        user = User(email=email.lower(), name=name, confirmed=True, confirmed_at=utcnow())
        db.session.add(user)
    user.role = "admin"
    user.set_password(password)
    db.session.commit()
    click.echo(f"Admin {user.email} ready.")


@click.command("create-reviewer")
@click.argument("email")
@click.argument("name")
@click.option("--no-mail", is_flag=True, help="Do not send the welcome e-mail.")
def create_reviewer(email, name, no_mail):
    """Create a reviewer with a temporary password and e-mail it to them."""
    from .queue import enqueue
    from .tasks import send_reviewer_welcome_email

    if db.session.scalar(select(User).where(User.email == email.lower())) is not None:
        raise click.ClickException("A user with that e-mail already exists.")
    temp = secrets.token_urlsafe(16)
    user = User(email=email.lower(), name=name, role="reviewer", confirmed=True, confirmed_at=utcnow())
    user.set_password(temp)
    # kept until first login so the welcome job can include it
    user.temp_password = temp
    db.session.add(user)
    db.session.commit()
    if not no_mail:
        enqueue(send_reviewer_welcome_email, user.id)
    click.echo(f"Reviewer {user.email} created (id {user.id}).")


@click.command("issue-service-token")
@click.argument("partner")
@click.option("--scope", "scopes", multiple=True, default=["decisions:read"])
def issue_service_token(partner, scopes):
    """Print a service token for a co-funding partner."""
    from .api.tokens import create_service_token

    click.echo(create_service_token(partner, scopes))


@click.command("audit-sample")
@click.argument("round_id", type=int)
@click.option("--size", default=10, show_default=True)
@click.option("--seed", type=int, default=None, help="Repeat an earlier draw.")
def audit_sample(round_id, size, seed):
    """Draw a random sample of decided applications for the compliance audit."""
    ids = db.session.scalars(
        select(Application.id).where(
            Application.round_id == round_id,
            Application.status.in_(["awarded", "declined"]),
        )
    ).all()
    rng = random.Random(seed)
    for application_id in sorted(rng.sample(ids, min(size, len(ids)))):
        click.echo(application_id)


@click.command("db-stats")
def db_stats():
    """Row counts per table."""
    for table in STAT_TABLES:
        count = db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
        click.echo(f"{table:<14} {count:>8}")


COMMANDS = (
    create_admin,
    create_reviewer,
    issue_service_token,
    audit_sample,
    db_stats,
)


def init_app(app):
    for command in COMMANDS:
        app.cli.add_command(command)
