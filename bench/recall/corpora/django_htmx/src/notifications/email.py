import logging

from django.conf import settings
from django.template.loader import render_to_string
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail

logger = logging.getLogger(__name__)

SENDGRID_API_KEY = "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"

_client = SendGridAPIClient(SENDGRID_API_KEY)


def send_plain(to_address, subject, body):
    message = Mail(
        from_email=settings.DEFAULT_FROM_EMAIL,
        to_emails=to_address,
        subject=subject,
        plain_text_content=body,
    )
    response = _client.send(message)
    logger.info("E-mail '%s' accepted with status %s", subject, response.status_code)
    return response.status_code


def send_appointment_email(appointment, template, subject):
    if not appointment.patient.email:
        return None
    body = render_to_string(template, {"appointment": appointment, "patient": appointment.patient})
    return send_plain(appointment.patient.email, subject, body)
