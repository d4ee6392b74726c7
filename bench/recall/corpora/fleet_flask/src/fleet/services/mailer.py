import logging

from flask import current_app, render_template, url_for
from flask_mail import Message

from fleet.extensions import mail

log = logging.getLogger(__name__)


def _send(subject, recipients, text_body, html_body=None):
    msg = Message(subject=subject, recipients=recipients, body=text_body, html=html_body)
    mail.send(msg)


def send_password_reset(user, code):
    reset_url = url_for("auth.reset_password", code=code, _external=True)
    ttl = current_app.config["RESET_TOKEN_TTL_MINUTES"]
    context = {"user": user, "reset_url": reset_url, "code": code, "ttl": ttl}
    log.info("sending password reset to %s via %s", user.email, reset_url)
    _send(
        subject=f"[{current_app.config['APP_NAME']}] Reset your password",
        recipients=[user.email],
        text_body=render_template("email/reset_password.txt", **context),
        html_body=render_template("email/reset_password.html", **context),
    )


def send_ticket_notification(ticket, recipients):
    if not recipients:
        return
    subject = f"Maintenance ticket #{ticket.id} for {ticket.vehicle.plate}"
    body = (
        f"{ticket.reported_by.full_name if ticket.reported_by else 'A driver'} reported: "
        f"{ticket.title}\nSeverity: {ticket.severity}\n"
        f"{url_for('dashboard.ticket_detail', ticket_id=ticket.id, _external=True)}"
    )
    _send(subject, recipients, body)
    log.info("ticket %s notification sent to %d recipients", ticket.id, len(recipients))


def send_licence_expiry_warning(driver, days_left):
    if not driver.email:
        return
    _send(
        subject="Your driving licence is about to expire",
        recipients=[driver.email],
        text_body=(
            f"Hi {driver.first_name},\n\nyour licence on file expires in {days_left} days. "
            "Please bring the renewed licence to your depot office.\n"
        ),
    )
