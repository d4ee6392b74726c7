"""Outgoing e-mail. Called from BackgroundTasks and Celery jobs, never inline in a request."""
from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from jinja2 import Environment, PackageLoader, StrictUndefined

from app.config import settings
from app.database import session_scope
from app.models import Invitation, User
from app.repositories import LeaveRepository

logger = logging.getLogger("app.notifications")

_mail_env = Environment(loader=PackageLoader("app", "templates/emails"), undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _render(template: str, **context: object) -> str:
    return _mail_env.get_template(template).render(app_name=settings.app_name, base_url=str(settings.base_url).rstrip("/"), **context)


def send_email(to: str, subject: str, *, text_body: str, html_body: str | None = None) -> None:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text_body)
    if html_body:
        message.add_alternative(html_body, subtype="html")

    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=15) as smtp:
        smtp.starttls()
        password = settings.smtp_password.get_secret_value()
        if password:
            smtp.login(settings.smtp_username, password)
        smtp.send_message(message)
    logger.info("sent '%s' e-mail to user mailbox", subject)


def send_password_reset_email(user: User, code: str) -> None:
    send_email(
        user.email,
        f"{settings.app_name}: your password reset code",
        text_body=(
            f"Someone (hopefully you) asked to reset the password of your {settings.app_name} account.\n\n"
            f"Your reset code is: {code}\n\n"
            f"It is valid for {settings.password_reset_ttl_minutes} minutes. If you did not ask for this, ignore this e-mail.\n"
        ),
    )


def send_invitation_email(invitation: Invitation, invited_by_name: str) -> None:
    # Universal link: opens the mobile app, which calls POST /api/auth/invitations/accept.
    link = f"{str(settings.base_url).rstrip('/')}/app/invite/{invitation.token}"
    send_email(
        invitation.email,
        f"You have been invited to {settings.app_name}",
        text_body=(
            f"{invited_by_name} invited you to {settings.app_name}, where you can book leave and see your balances.\n\n"
            f"Activate your account on your phone: {link}\n\n"
            f"This link expires on {invitation.expires_at:%d %B %Y}.\n"
        ),
    )


def send_leave_submitted_email(leave_id: int) -> None:
    with session_scope() as db:
        leave = LeaveRepository(db).get(leave_id)
        if leave is None or leave.approver is None:
            return
        employee = leave.employee
        send_email(
            leave.approver.email,
            f"Leave request from {employee.full_name}",
            text_body=f"{employee.full_name} requested {leave.days} day(s) of {leave.leave_type.value} leave "
            f"from {leave.start_date:%d %b} to {leave.end_date:%d %b %Y}.",
            html_body=_render("leave_submitted.html", leave=leave, employee=employee),
        )


def send_leave_decision_email(leave_id: int) -> None:

    with session_scope() as db:
        leave = LeaveRepository(db).get(leave_id)
        if leave is None:
            return
        employee = leave.employee
        send_email(
            employee.email,
            f"Your leave request was {leave.status.value}",
            text_body=f"Hi {employee.first_name},\n\nYour request for {leave.start_date:%d %b} – {leave.end_date:%d %b %Y} "
            f"was {leave.status.value}.\n\n{leave.manager_comment or ''}\n",
        )
