from datetime import datetime, timedelta, timezone

import jwt
from django.test import SimpleTestCase, override_settings

from .kiosk import issue_kiosk_token, verify_kiosk_token

KIOSK_TEST_KEY = "k" * 48


@override_settings(KIOSK_SIGNING_KEY=KIOSK_TEST_KEY)
class KioskTokenTests(SimpleTestCase):
    def test_round_trip(self):
        claims = verify_kiosk_token(issue_kiosk_token("lobby-1"))
        self.assertEqual(claims["sub"], "kiosk:lobby-1")

    def test_expired_token_rejected(self):
        past = datetime.now(tz=timezone.utc) - timedelta(hours=1)
        token = jwt.encode(
            {"sub": "kiosk:lobby-1", "scope": "kiosk:read", "iat": past, "exp": past + timedelta(minutes=1)},
            KIOSK_TEST_KEY,
            algorithm="HS256",
        )
        with self.assertRaises(jwt.ExpiredSignatureError):
            verify_kiosk_token(token)

    def test_wrong_scope_rejected(self):
        now = datetime.now(tz=timezone.utc)
        token = jwt.encode(
            {"sub": "kiosk:lobby-1", "scope": "admin", "iat": now, "exp": now + timedelta(minutes=5)},
            KIOSK_TEST_KEY,
            algorithm="HS256",
        )
        with self.assertRaises(jwt.InvalidTokenError):
            verify_kiosk_token(token)
