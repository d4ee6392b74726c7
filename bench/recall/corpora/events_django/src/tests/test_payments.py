import hashlib
import hmac
import time
from unittest import mock

from django.test import SimpleTestCase, override_settings
from django.urls import reverse

from orders.payments import verify_signature

TEST_WEBHOOK_SECRET = "whsec_test_5f0c2a9e7b1d4c3a8e6f"
TEST_PAYMENTS = {
    "provider": "stripe",
    "secret_key": "sk_test_51HfakeKeyForUnitTestsOnly0000000000000000000000",
    "publishable_key": "pk_test_51HfakeKeyForUnitTestsOnly000000000000000000000",
    "webhook_secret": TEST_WEBHOOK_SECRET,
    "currency": "eur",
    "order_hold_minutes": 15,
}


def sign(payload, secret=TEST_WEBHOOK_SECRET, ts=None):
    ts = str(int(ts or time.time()))
    mac = hmac.new(secret.encode(), ts.encode() + b"." + payload, hashlib.sha256).hexdigest()
    return f"t={ts},v1={mac}"


class SignatureTests(SimpleTestCase):
    def test_valid_signature(self):
        body = b'{"id": "evt_1"}'
        self.assertTrue(verify_signature(body, sign(body), TEST_WEBHOOK_SECRET))

    def test_wrong_secret(self):
        body = b'{"id": "evt_1"}'
        self.assertFalse(verify_signature(body, sign(body, secret="whsec_other"), TEST_WEBHOOK_SECRET))

    def test_old_timestamp_rejected(self):
        body = b'{"id": "evt_1"}'
        self.assertFalse(verify_signature(body, sign(body, ts=time.time() - 3600), TEST_WEBHOOK_SECRET))

    def test_garbage_header(self):
        self.assertFalse(verify_signature(b"{}", "nonsense", TEST_WEBHOOK_SECRET))


@override_settings(PAYMENTS=TEST_PAYMENTS)
class WebhookViewTests(SimpleTestCase):
    def test_unsigned_request_rejected(self):
        response = self.client.post(reverse("payment_webhook"), b"{}", content_type="application/json")
        self.assertEqual(response.status_code, 400)

    def test_signed_request_dispatched(self):
        handler = mock.Mock()
        body = b'{"id": "evt_2", "type": "payment_intent.canceled", "data": {"object": {"id": "pi_1"}}}'
        with mock.patch.dict("orders.payments.HANDLERS", {"payment_intent.canceled": handler}):
            response = self.client.post(
                reverse("payment_webhook"), body, content_type="application/json", HTTP_STRIPE_SIGNATURE=sign(body)
            )
        self.assertEqual(response.status_code, 200)
        handler.assert_called_once_with({"id": "pi_1"})
