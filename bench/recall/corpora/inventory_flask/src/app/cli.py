import csv
from datetime import datetime

import click
from flask.cli import with_appcontext

from app.extensions import db
from app.models import Role, User, Warehouse
from app.services import reports
from app.services.inventory import import_rows


def register(app):
    app.cli.add_command(create_admin)
    app.cli.add_command(import_items)
    app.cli.add_command(purge_movements)


@click.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--name", "full_name", default="Administrator")
@click.password_option()
@with_appcontext
def create_admin(email, full_name, password):
    """Create (or promote) an administrator account."""
    user = User.query.filter_by(email=email.lower()).first()
    if user is None:
        user = User(email=email.lower(), full_name=full_name)
        db.session.add(user)
    user.role = Role.ADMIN
    user.active = True
    user.set_password(password)
    db.session.commit()
    click.echo(f"Administrator {user.email} ready.")


@click.command("import-items")
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--delimiter", default=",")
@with_appcontext
def import_items(csv_path, delimiter):
    """Import or update items from an ERP CSV export."""
    with open(csv_path, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=delimiter))
    created, updated = import_rows(rows)
    click.echo(f"{created} created, {updated} updated from {len(rows)} rows")


@click.command("purge-movements")
@click.option("--before", required=True, help="ISO date, movements before it are deleted")
@click.option("--warehouse", "warehouse_code", default=None)
@click.option("--yes", is_flag=True)
@with_appcontext
def purge_movements(before, warehouse_code, yes):
    """Delete old stock movements once they are archived in the ERP."""
    cutoff = datetime.fromisoformat(before)
    warehouse_id = None
    if warehouse_code:
        warehouse = Warehouse.query.filter_by(code=warehouse_code.upper()).first()
        if warehouse is None:
            raise click.BadParameter(f"unknown warehouse {warehouse_code}")
        warehouse_id = warehouse.id
    if not yes:
        click.confirm(f"Delete movements before {cutoff:%Y-%m-%d}?", abort=True)
    deleted = reports.purge_movements_before(cutoff, warehouse_id)
    click.echo(f"Deleted {deleted} movements.")
