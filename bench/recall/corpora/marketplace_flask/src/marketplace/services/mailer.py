import logging

from flask import current_app, render_template, render_template_string, url_for
from flask_mail import Message

from ..extensions import mail
from .tokens import generate_confirmation_token, generate_reset_token

log = logging.getLogger(__name__)

_NEW_MESSAGE_HTML = """
<p>Hi {{ recipient.username }},</p>
<p>{{ sender.username }} sent you a message about <strong>{{ listing.title }}</strong>:</p>
<blockquote>{{ preview }}</blockquote>
<p><a href="{{ link }}">Reply on Secondhand</a></p>
"""


def send_email(to, subject, text_body, html_body=None):
    msg = Message(subject=subject, recipients=[to], body=text_body, html=html_body)
    mail.send(msg)
    log.info("sent mail subject=%r to user mailbox", subject)


def send_confirmation_email(user):
    token = generate_confirmation_token(user.email)
    link = url_for("auth.confirm_email", token=token, _external=True)
    send_email(
        user.email,
        "Confirm your Secondhand account",
        render_template("email/confirm.txt", user=user, link=link),
    )


def send_password_reset_email(user):
    token = generate_reset_token(user)
    link = url_for("auth.reset_password", token=token, _external=True)
    send_email(
        user.email,
        "Reset your Secondhand password",
        render_template("email/reset.txt", user=user, link=link),
    )


def send_temporary_password_email(user, temp_password):
    send_email(
        user.email,
        "Your temporary Secondhand password",
        render_template("email/temporary_password.txt", user=user, temp_password=temp_password),
    )


def send_new_message_email(recipient, sender, listing, body, conversation_id):
    link = url_for("messages.thread", conversation_id=conversation_id, _external=True)
    preview = body if len(body) <= 200 else body[:197] + "..."
    html = render_template_string(
        _NEW_MESSAGE_HTML,
        recipient=recipient,
        sender=sender,
        listing=listing,
        preview=preview,
        link=link,
    )
    send_email(recipient.email, f"New message about {listing.title}", preview, html)


def send_saved_search_digest(user, search, listings):
    send_email(
        user.email,
        f"{len(listings)} new results for \"{search.query}\"",
        render_template("email/saved_search.txt", user=user, search=search, listings=listings),
    )


def admin_address():
    return current_app.config.get("ADMIN_EMAIL", "ops@secondhand.local")
