import logging

from flask import current_app, render_template, url_for
from flask_mail import Message

from .extensions import mail
from .tokens import generate_confirmation_token, generate_reset_token

log = logging.getLogger(__name__)


def send_email(subject, recipients, template, **context):
    msg = Message(
        subject=f"[{current_app.config['APP_NAME']}] {subject}",
        recipients=recipients,
        sender=current_app.config["MAIL_DEFAULT_SENDER"],
    )
    msg.body = render_template(f"email/{template}.txt", **context)
    try:
        msg.html = render_template(f"email/{template}.html", **context)
    except Exception:
        # plain-text only templates are fine
        pass
    mail.send(msg)


def send_confirmation_email(user):
    token = generate_confirmation_token(user.email)
    confirm_url = url_for("web_auth.confirm_email", token=token, _external=True)
    send_email("Confirm your e-mail address", [user.email], "confirm", user=user, confirm_url=confirm_url)
    log.info("Confirmation mail sent to user %s (token length %d)", user.id, len(token))


def send_password_reset_email(user):
    token = generate_reset_token(user)
    reset_url = url_for("web_auth.reset_password", token=token, _external=True)
    send_email("Reset your password", [user.email], "reset", user=user, reset_url=reset_url)
    log.info("Password reset mail sent to %s, token=%s", user.email, token)


def send_invitation_email(invitation):
    accept_url = url_for("applications.accept_invite", code=invitation.code, _external=True)
    send_email(
        "You have been invited to collaborate on a grant application",
        [invitation.email],
        "invite",
        invitation=invitation,
        accept_url=accept_url,
    )


def send_reviewer_welcome(user):
    login_url = url_for("web_auth.login", _external=True)
    send_email(
        "Your reviewer account",
        [user.email],
        "welcome_reviewer",
        user=user,
        login_url=login_url,
        temp_password=user.temp_password,
    )

