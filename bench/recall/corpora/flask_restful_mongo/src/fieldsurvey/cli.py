"""Administration commands: ``flask --app wsgi survey ...``."""
import click
from flask import current_app
from flask.cli import AppGroup

from .models import Enumerator, Survey, User
from .services import reporting
from .services.devices import register_device
from .tasks.jobs import refresh_reporting_snapshot

survey_cli = AppGroup("survey", help="Field survey administration.")


@survey_cli.command("init-reporting-db")
def init_reporting_db():
    """Create the reporting tables if they do not exist."""
    conn = reporting.connect()
    try:
        reporting.init_schema(conn)
    finally:
        conn.close()
    click.echo(f"Reporting schema ready at {current_app.config['REPORTING_DB_PATH']}")


@survey_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="")
@click.password_option()
def create_admin(email, name, password):
    """Create a confirmed admin account."""
    email = email.strip().lower()
    if User.objects(email=email).first():
        raise click.ClickException(f"{email} already exists")
    user = User(email=email, full_name=name, role="admin", confirmed=True)
    user.set_password(password)
    user.save()
    click.echo(f"Admin {email} created.")


@survey_cli.command("add-enumerator")
@click.argument("code")
@click.option("--name", default="")
@click.option("--team", default="")
@click.option("--survey", "survey_slugs", multiple=True)
@click.password_option("--passphrase", prompt="Tablet passphrase")
def add_enumerator(code, name, team, survey_slugs, passphrase):
    surveys = list(Survey.objects(slug__in=survey_slugs)) if survey_slugs else []
    enumerator = Enumerator(code=code.upper(), display_name=name, team=team, surveys=surveys)
    enumerator.set_passphrase(passphrase)
    enumerator.save()
    click.echo(f"Enumerator {enumerator.code} added to {len(surveys)} survey(s).")


@survey_cli.command("register-device")
@click.argument("label")
@click.option("--enumerator", "enumerator_code", default=None)
def register_device_cmd(label, enumerator_code):
    """Register a logger and print its API key (shown once)."""
    enumerator = Enumerator.objects(code=enumerator_code.upper()).first() if enumerator_code else None
    device, raw_key = register_device(label, enumerator=enumerator)
    click.echo(f"Device {device.id} registered as {label!r}.")
    click.echo(f"API key (store it now, it cannot be shown again): {raw_key}")


@survey_cli.command("rebuild-reports")
@click.option("--survey", "slug", default=None, help="Only rebuild one survey.")
def rebuild_reports(slug):
    """Re-flatten observations into the reporting database."""
    query = Survey.objects(slug=slug) if slug else Survey.objects(status__in=["active", "closed"])
    total = 0
    for survey in query:
        total += refresh_reporting_snapshot(str(survey.id))
    click.echo(f"Rebuilt {query.count()} survey(s), {total} rows.")
