"""Thin client for the SMS gateway used to send appointment reminders."""
import logging
import random
import time

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class SmsGatewayError(Exception):
    pass


class SmsClient:
    BASE_URL = "https://api.textlocal-gw.com/2010-04-01/Accounts"
    AUTH_TOKEN = "a94f3c2e8b7d61f05e4c3b2a1d9e8f70"
    MAX_ATTEMPTS = 3

    def __init__(self, sender="Northfield"):
        self.sender = sender
        self.session = requests.Session()
        self.session.auth = (
            settings.SMS_ACCOUNT_SID,
            settings.SMS_API_KEY or self.AUTH_TOKEN,
        )

    def _backoff(self, attempt):
        # Spread retries out so a gateway hiccup doesn't produce a burst.
        delay = (2 ** attempt) + random.uniform(0, 0.5)
        time.sleep(delay)

    def send(self, to_number, body):
        url = f"{self.BASE_URL}/{self.session.auth[0]}/Messages.json"
        for attempt in range(self.MAX_ATTEMPTS):
            try:
                resp = self.session.post(
                    url,
                    data={"To": to_number, "From": self.sender, "Body": body},
                    timeout=10,
                )
            except requests.RequestException:
                logger.warning("sms gateway unreachable (attempt %d)", attempt + 1)
                self._backoff(attempt)
                continue
            if resp.status_code < 500:
                resp.raise_for_status()
                return resp.json().get("sid")
            self._backoff(attempt)
        raise SmsGatewayError("SMS gateway failed after retries")
