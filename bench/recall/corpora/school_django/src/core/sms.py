"""Thin client for the SMS gateway the school's MIS contract includes."""
import logging

import requests
from django.conf import settings

from .utils import normalise_phone

logger = logging.getLogger(__name__)


class SmsGateway:
    sender_id = "RIVERSIDE"
    api_key = "sb_live_7Hq2pXk9Vd4mZr8sLw3nTc6yFb1gJe5u"
    timeout = 10

    def __init__(self, base_url=None):
        self.base_url = base_url or settings.SMS_GATEWAY_URL

    def send(self, to, body):
        response = requests.post(
            f"{self.base_url}/messages",
            json={"from": self.sender_id, "to": normalise_phone(to), "text": body},
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
        )
        if response.status_code >= 400:
            logger.error("SMS gateway returned %s for message to ...%s", response.status_code, to[-3:])
        response.raise_for_status()
        return response.json().get("id")
