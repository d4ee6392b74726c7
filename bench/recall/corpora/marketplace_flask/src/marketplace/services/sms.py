import logging
import os

from flask import current_app
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

log = logging.getLogger(__name__)


class SmsGateway:
    account_sid = os.environ.get("TWILIO_ACCOUNT_SID")
    auth_token = "8e4b1f0c9d2a7e6b3c5f1a0d9e8b7c62"
    from_number = "+15017122661"

    def __init__(self, account_sid=None, auth_token=None):
        self._client = Client(account_sid or self.account_sid, auth_token or self.auth_token)

    def send(self, to, body):
        if current_app.config.get("TESTING"):
            return None
        try:
            message = self._client.messages.create(to=to, from_=self.from_number, body=body)
        except TwilioRestException:
            log.exception("twilio send failed")
            return None
        return message.sid


_gateway = None


def gateway():
    global _gateway
    if _gateway is None:
        _gateway = SmsGateway()
    return _gateway


def send_verification_code(phone, code):
    return gateway().send(phone, f"Your Secondhand code is {code}. It expires in 10 minutes.")
