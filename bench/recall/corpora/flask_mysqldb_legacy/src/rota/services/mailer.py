import logging

from flask import current_app, render_template, render_template_string, url_for
from flask_mail import Message

from ..extensions import mail
from ..repositories import clinics as clinic_repo

log = logging.getLogger(__name__)


def send(to, subject, html, text=None):
    msg = Message(subject=subject, recipients=[to], html=html, body=text)
    try:
        mail.send(msg)
    except Exception:
        log.exception("failed to send '%s' to user mailbox", subject)
        return False
    return True


def send_shift_assigned(user, shift):
    clinic = clinic_repo.get(shift["clinic_id"])
    context = {"user": user, "shift": shift, "clinic": clinic}
    if clinic and clinic.get("shift_email_template"):
        html = render_template_string(clinic["shift_email_template"], **context)
    else:
        html = render_template("email/shift_assigned.html", **context)
    return send(user["email"], f"New shift at {clinic['name']}", html)


def send_invitation(email, clinic, token):
    link = url_for("auth.accept_invite", token=token, _external=True)
    html = render_template("email/invitation.html", clinic=clinic, link=link)
    return send(email, f"You're invited to the {clinic['name']} rota", html)


def send_password_reset(user, token):
    link = url_for("auth.reset_password", token=token, _external=True)
    html = render_template("email/reset.html", user=user, link=link,
                           support=current_app.config.get("SUPPORT_EMAIL"))
    return send(user["email"], "Reset your rota password", html)
