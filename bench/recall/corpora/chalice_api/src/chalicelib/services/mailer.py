"""Transactional e-mail through SES."""
import logging
import os

from jinja2 import Environment, FileSystemLoader

from chalicelib import aws, settings
from chalicelib.rendering import TEMPLATE_DIR, cents, render_text

log = logging.getLogger(__name__)

_html_mail = Environment(loader=FileSystemLoader(os.path.join(TEMPLATE_DIR, "email")))
_html_mail.filters["cents"] = cents


class Mailer:
    def __init__(self, client=None, sender=None):
        self._ses = client or aws.ses()
        self._sender = sender or settings.SES_SENDER

    def _send(self, to, subject, text, html=None):
        body = {"Text": {"Data": text, "Charset": "UTF-8"}}
        if html:
            body["Html"] = {"Data": html, "Charset": "UTF-8"}
        response = self._ses.send_email(
            Source=self._sender,
            Destination={"ToAddresses": [to]},
            Message={"Subject": {"Data": subject, "Charset": "UTF-8"}, "Body": body},
        )
        log.info("sent '%s' mail, message id %s", subject, response.get("MessageId"))

    def send_verification(self, to, name, token):
        link = f"{settings.PUBLIC_BASE_URL}/auth/verify?token={token}"
        text = (
            f"Hi {name},\n\n"
            "Welcome to BikeShare! Please confirm your e-mail address by opening this link:\n\n"
            f"{link}\n\n-- BikeShare\n"
        )
        self._send(to, "Confirm your BikeShare e-mail address", text)

    def send_password_reset(self, to, code, ttl_minutes):
        text = render_text("password_reset.txt", code=code, ttl_minutes=ttl_minutes)
        self._send(to, "Your BikeShare password reset code", text)

    def send_receipt(self, to, rider_name, ride, start_station, end_station, link):
        context = {
            "rider_name": rider_name,
            "ride": ride,
            "start_station": start_station,
            "end_station": end_station,
            "link": link,
        }
        html = _html_mail.get_template("receipt.html").render(**context)
        text = (
            f"Thanks for riding, {rider_name}!\n\n"
            f"From:     {start_station.get('name', '')}\n"
            f"To:       {end_station.get('name', '')}\n"
            f"Started:  {ride['started_at']}\n"
            f"Duration: {int(ride.get('duration_s') or 0) // 60} min\n"
            f"Fare:     {cents(ride.get('fare_cents'))}\n\n"
            f"Receipt: {link}\n"
        )
        self._send(to, "Your BikeShare ride receipt", text, html=html)
