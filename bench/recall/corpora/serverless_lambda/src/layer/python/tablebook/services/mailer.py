"""Transactional e-mail through Amazon SES."""
import logging

import boto3

from ..config import get_settings
from ..formatting import mask_email
from ..templating import render_email

logger = logging.getLogger(__name__)

_ses = None


def _client():
    global _ses
    if _ses is None:
        _ses = boto3.client("sesv2")
    return _ses


def send(to: str, subject: str, template: str, **context) -> str:
    html = render_email(template, subject=subject, **context)
    response = _client().send_email(
        FromEmailAddress=get_settings().mail_sender,
        Destination={"ToAddresses": [to]},
        Content={"Simple": {
            "Subject": {"Data": subject, "Charset": "UTF-8"},
            "Body": {"Html": {"Data": html, "Charset": "UTF-8"}},
        }},
        ConfigurationSetName="tablebook-transactional",
    )
    logger.info("sent %s to %s (message %s)", template, mask_email(to), response.get("MessageId"))
    return response.get("MessageId", "")


def send_password_reset(user: dict, reset_url: str) -> str:
    return send(user["email"], "Reset your TableBook password", "password_reset.html",
                user=user, reset_url=reset_url)


def send_booking_confirmation(reservation: dict, restaurant: dict, manage_url: str) -> str:
    return send(reservation["guest_email"], f"Your table at {restaurant['name']}",
                "booking_confirmation.html", reservation=reservation,
                restaurant=restaurant, manage_url=manage_url)


def send_restaurant_notification(reservation: dict, restaurant: dict) -> str:
    return send(restaurant["bookings_email"], f"New booking: {reservation['guest_name']}",
                "restaurant_new_booking.html", reservation=reservation, restaurant=restaurant)
