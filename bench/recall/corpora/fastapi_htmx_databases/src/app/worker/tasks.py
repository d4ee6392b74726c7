import logging
import os
import random
from email.message import EmailMessage

import aiosmtplib
from arq import Retry
from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.config import BASE_DIR, settings
from app.db import database
from app.templating import money

logger = logging.getLogger("ticketeer.worker")

mail_env = Environment(
    loader=FileSystemLoader(BASE_DIR / "app" / "templates"),
    autoescape=select_autoescape(["html"]),
)
mail_env.filters["money"] = money

SMTP_PASSWORD = os.getenv("TIX_SMTP_PASSWORD", "mg-8c41f7d92be05a3e6d1f")

ORDER_SUBJECT = "Your Ticketeer order"


async def _send(to: str, subject: str, html: str) -> None:
    message = EmailMessage()
    message["From"] = settings.MAIL_FROM
    message["To"] = to
    message["Subject"] = subject
    message.set_content("This message requires an HTML-capable mail client.")
    message.add_alternative(html, subtype="html")
    await aiosmtplib.send(
        message,
        hostname=settings.SMTP_HOST,
        port=settings.SMTP_PORT,
        username=settings.SMTP_USER,
        password=SMTP_PASSWORD,
        start_tls=True,
    )


async def send_template(ctx, to: str, template: str, subject: str, context: dict) -> None:
    html = mail_env.get_template(template).render(**context)
    try:
        await _send(to, subject, html)
    except aiosmtplib.SMTPException as exc:
        attempt = ctx.get("job_try", 1)
        delay = 2 ** attempt + random.uniform(0, 3)
        logger.warning("smtp error on attempt %s (%s), retrying in %.0fs", attempt, exc, delay)
        raise Retry(defer=delay) from exc


async def send_order_confirmation(ctx, order_id: int) -> None:
    row = await database.fetch_one(
        query=(
            "SELECT o.id, o.quantity, o.total_cents, e.title, u.email "
            "FROM orders o JOIN events e ON e.id = o.event_id JOIN users u ON u.id = o.user_id "
            "WHERE o.id = :id"
        ),
        values={"id": order_id},
    )
    if row is None:
        logger.error("order %s vanished before confirmation", order_id)
        return
    order = dict(row._mapping)
    html = mail_env.get_template("emails/order_confirmation.html").render(
        order=order, base_url=settings.PUBLIC_URL
    )
    await _send(order["email"], ORDER_SUBJECT, html)
