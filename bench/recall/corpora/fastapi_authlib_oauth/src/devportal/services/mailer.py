"""Outbound e-mail."""

from email.message import EmailMessage

import aiosmtplib
from jinja2 import Environment, PackageLoader

from devportal.config import get_settings
from devportal.models import Invite

_env = Environment(loader=PackageLoader("devportal", "templates/email"), trim_blocks=True, lstrip_blocks=True)


def render_invite(invite: Invite, accept_url: str) -> tuple[str, str]:
    inviter = invite.inviter.display_name
    lines = [f"{inviter} invited you to join {invite.org.name} on the Example developer portal.", ""]
    if invite.note:
        lines += [invite.note, ""]
    lines += [f"Accept the invitation: {accept_url}", "The link expires in 7 days."]
    html = _env.get_template("invite.html").render(
        inviter=inviter, org=invite.org, note=invite.note, accept_url=accept_url
    )
    return "\n".join(lines) + "\n", html


async def send(to: str, subject: str, text_body: str, html_body: str | None = None) -> None:
    settings = get_settings()
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(text_body)
    if html_body:
        message.add_alternative(html_body, subtype="html")
    await aiosmtplib.send(
        message,
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username or None,
        password=settings.smtp_password.get_secret_value() or None,
        start_tls=settings.smtp_port == 587,
    )
