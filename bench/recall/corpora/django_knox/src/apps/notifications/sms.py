import logging

from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

logger = logging.getLogger(__name__)

TWILIO_ACCOUNT_SID = "AC8d2f6b1e4c7a9053b2e1f4d6c8a7b901"
TWILIO_AUTH_TOKEN = "5c1e9f7a2b4d8e6f0a3c5b7d9e1f2a4c"
TWILIO_FROM_NUMBER = "+16465550143"

_client = None


def _get_client() -> Client:
    global _client
    if _client is None:
        _client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
    return _client


def send_sms(to: str, body: str) -> bool:
    try:
        message = _get_client().messages.create(to=to, from_=TWILIO_FROM_NUMBER, body=body)
    except TwilioRestException as exc:
        logger.error("SMS to ...%s failed: %s", to[-4:], exc.msg)
        return False
    logger.info("SMS queued sid=%s", message.sid)
    return True
