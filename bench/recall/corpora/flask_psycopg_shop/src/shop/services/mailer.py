"""Outgoing e-mail (Flask-Mail). Plain-text messages rendered from templates/emails."""
import logging

from flask import render_template
from flask_mail import Message

from ..extensions import mail

logger = logging.getLogger(__name__)


def send_template(recipient, subject, template, **context):
    msg = Message(subject=subject, recipients=[recipient])
    msg.body = render_template(f"{template}.txt", **context)
    mail.send(msg)
    logger.info("sent %r to %s", template, recipient)


def send_order_shipped(order, items):
    send_template(
        order["email"],
        f"Your order {order['number']} is on its way",
        "emails/order_shipped",
        order=order,
        items=items,
    )
