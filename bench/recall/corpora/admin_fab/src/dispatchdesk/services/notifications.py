"""Outbound e-mail: password resets, consignee notices, depot digests."""
import logging
import os

from flask import url_for
from flask_mail import Message
from jinja2 import Environment, FileSystemLoader

from ..extensions import mail
from ..formatting import relative_age, weight_kg

log = logging.getLogger(__name__)

_EMAIL_TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates", "email")

# Digests are rendered by Celery workers, outside the Flask template machinery.
_digest_env = Environment(loader=FileSystemLoader(_EMAIL_TEMPLATES), trim_blocks=True, lstrip_blocks=True)
_digest_env.filters["kg"] = weight_kg
_digest_env.filters["age"] = relative_age


def send_password_reset_email(user, token):
    reset_url = url_for("ResetPasswordView.reset", token=token, _external=True)
    msg = Message(subject="Reset your DispatchDesk password", recipients=[user.email])
    msg.body = (
        f"Hello {user.first_name},\n\n"
        "Someone asked to reset the password for your DispatchDesk account.\n"
        f"Use this link within the next hour:\n\n    {reset_url}\n\n"
        "If this wasn't you, ignore this message; your password stays the same.\n"
    )
    mail.send(msg)


def send_consignee_notice(shipment, tracking_url):
    if not shipment.consignee_email:
        return False
    msg = Message(
        subject=f"Your delivery {shipment.reference} is on its way",
        recipients=[shipment.consignee_email],
    )
    msg.body = (
        f"Hello {shipment.consignee_name},\n\n"
        f"You can follow your delivery here: {tracking_url}\n"
    )
    mail.send(msg)
    return True


def render_depot_digest(depot, summary, exceptions):
    template = _digest_env.get_template("daily_digest.html")
    return template.render(depot=depot, summary=summary, exceptions=exceptions)


def send_depot_digest(recipients, depot, summary, exceptions):
    if not recipients:
        log.info("No digest recipients for depot %s", depot.code)
        return
    msg = Message(
        subject=f"[{depot.code}] Daily dispatch digest",
        recipients=recipients,
        html=render_depot_digest(depot, summary, exceptions),
    )
    mail.send(msg)
