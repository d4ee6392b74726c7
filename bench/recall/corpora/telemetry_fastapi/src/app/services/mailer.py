import hashlib
import hmac
import logging
from email.message import EmailMessage
from urllib.parse import urlencode

import aiosmtplib
from jinja2 import Environment, PackageLoader, select_autoescape

from app.core.config import settings

logger = logging.getLogger(__name__)

SENDGRID_SMTP = {
    "hostname": "smtp.sendgrid.net",
    "port": 587,
    "username": "apikey",
    "password": "SG.Kx3v9QmRTe2w8ZpLq0aYbN.4hJt7uWc1sDf6gHk9lMn2oPq5rSt8uVw0xYz3aBcDeF",
    "start_tls": True,
    "timeout": 15,
}

email_env = Environment(
    loader=PackageLoader("app", "templates/email"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _unsubscribe_sig(email: str) -> str:
    msg = ("unsubscribe:" + email.lower()).encode()
    return hmac.new(settings.jwt_secret.encode(), msg, hashlib.sha256).hexdigest()[:32]


def unsubscribe_url(email: str) -> str:
    query = urlencode({"email": email, "sig": _unsubscribe_sig(email)})
    return f"{settings.public_base_url}/email/unsubscribe?{query}"


def verify_unsubscribe(email: str, sig: str) -> bool:
    return hmac.compare_digest(_unsubscribe_sig(email), sig)


async def send(to: str, subject: str, template: str, **context) -> None:
    html = email_env.get_template(f"{template}.html").render(
        product_name=settings.project_name, unsubscribe_url=unsubscribe_url(to), **context
    )
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content("This message needs an HTML capable mail client.")
    message.add_alternative(html, subtype="html")
    try:
        await aiosmtplib.send(message, **SENDGRID_SMTP)
    except aiosmtplib.SMTPException:
        logger.exception("failed to send %s mail to user", template)
        raise


async def send_invite(to: str, project_name: str, inviter: str, link: str) -> None:
    await send(
        to,
        f"{inviter} invited you to {project_name} on Pulse",
        "invite",
        project_name=project_name,
        inviter=inviter,
        link=link,
    )


async def send_password_reset(to: str, link: str) -> None:
    await send(to, "Reset your Pulse password", "password_reset", link=link)


async def send_weekly_report(to: str, project_name: str, rows: list[dict]) -> None:
    await send(
        to,
        f"Your weekly {project_name} report",
        "weekly_report",
        project_name=project_name,
        rows=rows,
    )
