import hashlib
import hmac
import json
from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse

from apps.payments.models import WebhookEvent

pytestmark = pytest.mark.django_db

WEBHOOK_SECRET = "whsec_test_only"


def _sign(body: bytes) -> str:
    return hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


@override_settings(PAYLANE_WEBHOOK_SECRET=WEBHOOK_SECRET)
def test_paylane_webhook_accepts_signed_event(client):
    body = json.dumps({"id": "evt_1", "type": "charge.failed", "data": {"charge_id": "ch_1"}}).encode()
    with mock.patch("apps.payments.webhooks.process_payment_event.delay") as delay:
        response = client.post(
            reverse("payments:paylane-webhook"),
            data=body,
            content_type="application/json",
            HTTP_X_PAYLANE_SIGNATURE=_sign(body),
        )
    assert response.status_code == 200
    assert WebhookEvent.objects.filter(event_id="evt_1").exists()
    delay.assert_called_once_with("evt_1")


@override_settings(PAYLANE_WEBHOOK_SECRET=WEBHOOK_SECRET)
def test_paylane_webhook_rejects_bad_signature(client):
    body = b'{"id": "evt_2", "type": "charge.failed", "data": {}}'
    response = client.post(
        reverse("payments:paylane-webhook"),
        data=body,
        content_type="application/json",
        HTTP_X_PAYLANE_SIGNATURE="0" * 64,
    )
    assert response.status_code == 400
    assert not WebhookEvent.objects.exists()
