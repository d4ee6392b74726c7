"""``flask coverpoint ...`` maintenance commands."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone

import click
from flask import current_app, url_for
from flask.cli import AppGroup
from flask_security import hash_password
from sqlalchemy import select, text

from .extensions import db, security
from .models import AgentInvite, AuditEvent, Partner
from .services.partners import create_partner, rotate_api_key
from .tasks.reports import renewal_report

coverpoint_cli = AppGroup("coverpoint", help="CoverPoint maintenance commands.")

MAINTENANCE_TABLES = ("audit_event", "document_share", "claim_message", "claim", "policy")


def _show_credentials(partner: Partner, raw_key: str) -> None:
    click.echo(f"partner:       {partner.name}")
    click.echo(f"client_id:     {partner.client_id}")
    click.echo(f"client_secret: {raw_key}")
    click.secho("Hand the secret over now – only its digest is stored.", fg="yellow")


@coverpoint_cli.command("create-admin")
@click.argument("email")
@click.password_option()
def create_admin(email: str, password: str) -> None:
    """Create a staff account with the admin role."""
    datastore = security.datastore
    datastore.find_or_create_role("admin", description="Back-office administrator")
    datastore.find_or_create_role("broker", description="Broker / agent")
    if datastore.find_user(email=email):
        raise click.ClickException(f"{email} already exists")
    datastore.create_user(
        email=email,
        password=hash_password(password),
        roles=["admin", "broker"],
        confirmed_at=datetime.now(timezone.utc),
    )
    db.session.commit()
    click.echo(f"Created admin {email}")


@coverpoint_cli.command("create-partner")
@click.argument("name")
@click.argument("contact_email")
@click.option("--scope", "scopes", multiple=True, help="Repeat for each scope; defaults to the standard set.")
def create_partner_cmd(name: str, contact_email: str, scopes: tuple[str, ...]) -> None:
    """Register an API partner and print its credentials (shown once)."""
    partner, raw_key = create_partner(name, contact_email, list(scopes) or None)
    _show_credentials(partner, raw_key)


@coverpoint_cli.command("rotate-partner-key")
@click.argument("client_id")
def rotate_partner_key(client_id: str) -> None:
    partner = db.session.scalar(select(Partner).where(Partner.client_id == client_id))
    if partner is None:
        raise click.ClickException("unknown client_id")
    _show_credentials(partner, rotate_api_key(partner))


@coverpoint_cli.command("invite-agent")
@click.argument("email")
@click.option("--days", default=3, show_default=True)
def invite_agent(email: str, days: int) -> None:
    invite = AgentInvite(
        email=email.lower(),
        code=secrets.token_urlsafe(32),
        expires_at=datetime.now(timezone.utc) + timedelta(days=days),
    )
    db.session.add(invite)
    db.session.commit()
    with current_app.test_request_context():
        click.echo(url_for("auth.accept_invite", code=invite.code, _external=True))


@coverpoint_cli.command("purge-audit")
@click.option("--days", default=730, show_default=True, help="Keep this many days of audit events.")
def purge_audit(days: int) -> None:
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    result = db.session.execute(
        text("DELETE FROM audit_event WHERE created_at < :cutoff"), {"cutoff": cutoff}
    )
    db.session.commit()
    click.echo(f"Deleted {result.rowcount} audit events older than {cutoff:%Y-%m-%d}")


@coverpoint_cli.command("vacuum")
def vacuum() -> None:
    """VACUUM ANALYZE the high-churn tables (PostgreSQL only)."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in MAINTENANCE_TABLES:
            conn.exec_driver_sql(f'VACUUM ANALYZE "{table}"')
            click.echo(f"vacuumed {table}")


@coverpoint_cli.command("renewal-report")
@click.option("--since", help="YYYY-MM-DD, defaults to today")
@click.option("--carrier")
@click.option("--days-ahead", default=30, show_default=True)
def renewal_report_cmd(since: str | None, carrier: str | None, days_ahead: int) -> None:
    """Queue the renewal report now instead of waiting for beat."""
    renewal_report.delay(since=since, carrier=carrier, days_ahead=days_ahead)
    click.echo("Renewal report queued.")


@coverpoint_cli.command("audit-tail")
@click.option("-n", "limit", default=20, show_default=True)
def audit_tail(limit: int) -> None:
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.created_at.desc()).limit(limit)).all()
    for event in reversed(events):
        click.echo(f"{event.created_at:%Y-%m-%d %H:%M:%S}  {event.action:<28} {event.target or ''}")
