"""``flask club ...`` management commands."""
import click
from flask import current_app
from flask.cli import AppGroup
from flask_security import hash_password

from .extensions import db
from .models import CheckinDevice
from .services.mobile_tokens import issue_device_token

club_cli = AppGroup("club", help="Riverside SC management commands.")

DEFAULT_ROLES = {
    "admin": "Committee members with full access",
    "organizer": "May create and edit events",
    "editor": "May write and send newsletters",
}


@club_cli.command("init-roles")
def init_roles():
    datastore = current_app.user_datastore
    for name, description in DEFAULT_ROLES.items():
        datastore.find_or_create_role(name=name, description=description)
    db.session.commit()
    click.echo("roles ready")


@club_cli.command("create-admin")
@click.argument("email")
@click.password_option()
def create_admin(email, password):
    datastore = current_app.user_datastore
    user = datastore.create_user(email=email, password=hash_password(password), first_name="Admin")
    datastore.add_role_to_user(user, "admin")
    db.session.commit()
    click.echo(f"created admin {email}")


@club_cli.command("device-token")
@click.argument("name")
@click.option("--location", default="Clubhouse front desk")
def device_token(name, location):
    device = CheckinDevice.query.filter_by(name=name).first()
    if device is None:
        device = CheckinDevice(name=name, location=location)
        db.session.add(device)
        db.session.commit()
    click.echo(issue_device_token(device))


def register_cli(app):
    app.cli.add_command(club_cli)
