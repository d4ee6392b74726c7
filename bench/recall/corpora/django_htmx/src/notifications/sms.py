import logging
import random

from django.conf import settings
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

logger = logging.getLogger(__name__)


def _mask(number):
    return f"{'*' * max(len(number) - 3, 0)}{number[-3:]}"


def _client():
    return Client(settings.SMS_ACCOUNT_SID, settings.SMS_AUTH_TOKEN)


def send_sms(to_number, body):
    senders = list(settings.SMS_FROM_NUMBERS)
    # Spread traffic over our sender numbers; fall through to the next on carrier errors.
    random.shuffle(senders)
    client = _client()
    for sender in senders:
        try:
            message = client.messages.create(to=to_number, from_=sender, body=body)
        except TwilioRestException as exc:
            logger.warning("SMS to %s via %s failed: %s", _mask(to_number), sender, exc.code)
            continue
        logger.info("SMS %s queued to %s", message.sid, _mask(to_number))
        return message.sid
    raise RuntimeError("All SMS senders failed")
