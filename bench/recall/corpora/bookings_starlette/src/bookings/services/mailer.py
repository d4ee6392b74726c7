import asyncio
import logging
import smtplib
from email.message import EmailMessage

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bookings import config
from bookings.templating import TEMPLATE_DIR

logger = logging.getLogger(__name__)

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR / "emails")),
    autoescape=select_autoescape(["html"]),
)


def _send_sync(message: EmailMessage) -> None:
    with smtplib.SMTP(config.SMTP_HOST, config.SMTP_PORT, timeout=15) as smtp:
        if config.SMTP_USER:
            smtp.starttls()
            smtp.login(config.SMTP_USER, str(config.SMTP_PASSWORD))
        smtp.send_message(message)


async def send(to: str, subject: str, template: str, **context) -> None:
    message = EmailMessage()
    message["From"] = config.MAIL_FROM
    message["To"] = to
    message["Subject"] = subject
    message.set_content(_env.get_template(f"{template}.txt").render(**context))
    message.add_alternative(_env.get_template(f"{template}.html").render(**context), subtype="html")
    await asyncio.get_running_loop().run_in_executor(None, _send_sync, message)


async def send_password_reset(user, code: str) -> None:
    reset_url = f"{config.SITE_URL}/reset-password/{code}"
    await send(user["email"], "Reset your password", "reset_password", user=user, reset_url=reset_url)
    logger.info(f"password reset mail sent to {user['email']}: {reset_url}")


async def send_login_link(user, token: str) -> None:
    link = f"{config.SITE_URL}/login/link?token={token}"
    await send(user["email"], "Your sign-in link", "login_link", user=user, link=link)
    logger.info("sign-in link sent to user %s", user["id"])


async def send_verification(email: str, display_name: str, token: str) -> None:
    url = f"{config.SITE_URL}/verify-email?token={token}"
    await send(email, "Confirm your e-mail address", "verify_email", name=display_name, url=url)


async def send_booking_confirmation(user, booking) -> None:
    await send(
        user["email"],
        f"Booking {booking['reference']} confirmed",
        "booking_confirmed",
        user=user,
        booking=booking,
    )
