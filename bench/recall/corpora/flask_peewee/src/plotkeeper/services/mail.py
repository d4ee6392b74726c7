import logging

from flask import current_app, render_template, url_for
from flask_mail import Message

from ..extensions import mail

log = logging.getLogger("plotkeeper.mail")


def _send(subject, recipients, text_body, html_body=None):
    msg = Message(subject=subject, recipients=recipients, body=text_body, html=html_body)
    mail.send(msg)
    log.info("sent %r to %d recipient(s)", subject, len(recipients))


def send_reset_code(user, code):
    ttl = current_app.config["RESET_CODE_TTL_MINUTES"]
    _send(
        "Your Plotkeeper reset code",
        [user.email],
        render_template("email/reset.txt", user=user, code=code, ttl=ttl),
    )
    log.info("password reset code sent to user %s", user.id)


def send_verification_email(user):
    link = url_for("auth.verify_email", token=user.verification_token, _external=True)
    _send(
        "Confirm your e-mail address",
        [user.email],
        render_template("email/verify.txt", user=user, link=link),
    )


def send_invite_email(invite):
    link = url_for("auth.accept_invite", code=invite.code, _external=True)
    _send(
        f"You're invited to {invite.site.name}",
        [invite.email],
        render_template("email/invite.txt", invite=invite, link=link),
    )
