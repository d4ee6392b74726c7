import logging

from django.conf import settings
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

logger = logging.getLogger(__name__)


def send_sms(to_number, body):
    client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
    try:
        message = client.messages.create(to=to_number, from_=settings.TWILIO_FROM_NUMBER, body=body)
    except TwilioRestException as exc:
        logger.warning("sms to ...%s failed: %s", to_number[-4:], exc.code)
        return None
    return message.sid
