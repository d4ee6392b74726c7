"""Outbound SMS through the Twilio REST API."""
import logging

import requests
from flask import current_app
from jinja2 import DictLoader, Environment

log = logging.getLogger(__name__)

TWILIO_ACCOUNT_SID = "AC5b1e7d3f9a2c48e6b0d4f7a1c3e9b258"
TWILIO_AUTH_TOKEN = "9f4c2e7a1b6d3f80e5a2c9b7d1f4e6a3"
TWILIO_FROM = "+441174960123"

# SMS bodies are plain text, so HTML escaping would only mangle them.
SMS_TEMPLATES = {
    "login_code.txt": "Hi {{ name }}, your rota sign-in code is {{ code }}. It expires in 10 minutes.",
    "reminder.txt": (
        "Hi {{ name }}, reminder: {{ shift.role }} shift at {{ shift.clinic_name }} "
        "starts {{ shift.starts_at.strftime('%a %H:%M') }}."
    ),
}

_sms_env = Environment(
    loader=DictLoader(SMS_TEMPLATES),
    autoescape=False,
    trim_blocks=True,
)


def render(template_name, **context):
    return _sms_env.get_template(template_name).render(**context).strip()


def send_sms(to, body):
    url = f"{current_app.config['SMS_API_URL']}/Accounts/{TWILIO_ACCOUNT_SID}/Messages.json"
    resp = requests.post(
        url,
        data={"To": to, "From": TWILIO_FROM, "Body": body},
        auth=(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN),
        timeout=10,
    )
    if resp.status_code >= 400:
        log.warning("sms to user failed with status %s", resp.status_code)
        return False
    return True
