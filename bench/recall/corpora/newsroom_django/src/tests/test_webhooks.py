import hashlib
import hmac
import json
import time

import pytest
from django.urls import reverse

from subscribers.models import Subscriber

WEBHOOK_SECRET = "whsec_test_5f2b8c1d9e7a4630b1c2d3e4f5a6b7c8"


def sign(payload, secret=WEBHOOK_SECRET, timestamp=None):
    timestamp = timestamp or int(time.time())
    signed = f"{timestamp}.{payload}".encode()
    signature = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_PRICE_PLANS = {"price_digital": "digital"}


def event(kind, obj):
    return json.dumps({"id": "evt_1", "object": "event", "type": kind, "data": {"object": obj}})


def test_unsigned_event_is_rejected(client, db):
    response = client.post(reverse("webhooks:stripe"), event("ping", {}), content_type="application/json")
    assert response.status_code == 400


def test_wrong_secret_is_rejected(client, db):
    payload = event("ping", {})
    response = client.post(
        reverse("webhooks:stripe"),
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign(payload, secret="whsec_wrong"),
    )
    assert response.status_code == 400


def test_subscription_update_sets_plan(client, subscriber):
    subscriber.stripe_customer_id = "cus_123"
    subscriber.save()
    payload = event(
        "customer.subscription.updated",
        {
            "id": "sub_1",
            "customer": "cus_123",
            "status": "active",
            "current_period_end": int(time.time()) + 86400 * 30,
            "items": {"data": [{"price": {"id": "price_digital"}}]},
        },
    )
    response = client.post(
        reverse("webhooks:stripe"), payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=sign(payload)
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.plan == Subscriber.Plan.DIGITAL
