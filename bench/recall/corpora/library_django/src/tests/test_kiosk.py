from datetime import timedelta

import jwt
import pytest
from django.conf import settings
from django.utils import timezone

from api.kiosk import KIOSK_ALGORITHM, KIOSK_AUDIENCE, decode_kiosk_token, issue_kiosk_token


def kiosk_headers(device):
    return {"HTTP_X_KIOSK_DEVICE": f"{device.pk}:{device.api_key}"}


def test_token_round_trip(patron, kiosk):
    token = issue_kiosk_token(patron, kiosk)
    claims = decode_kiosk_token(token)
    assert claims["sub"] == str(patron.pk)
    assert claims["dev"] == kiosk.pk


def test_expired_token_rejected(patron, kiosk):
    past = timezone.now() - timedelta(hours=1)
    token = jwt.encode(
        {"sub": str(patron.pk), "dev": kiosk.pk, "aud": KIOSK_AUDIENCE, "exp": past},
        settings.KIOSK_TOKEN_KEY,
        algorithm=KIOSK_ALGORITHM,
    )
    with pytest.raises(jwt.ExpiredSignatureError):
        decode_kiosk_token(token)


def test_unsigned_token_rejected(patron, kiosk):
    token = jwt.encode({"sub": str(patron.pk), "dev": kiosk.pk, "aud": KIOSK_AUDIENCE},
                       None, algorithm="none")
    with pytest.raises(jwt.InvalidAlgorithmError):
        decode_kiosk_token(token)


@pytest.mark.django_db
def test_kiosk_login(api_client, patron, kiosk):
    resp = api_client.post(
        "/api/v1/kiosk/login/",
        {"card_number": patron.card_number, "pin": "4821"},
        format="json",
        **kiosk_headers(kiosk),
    )
    assert resp.status_code == 200
    assert decode_kiosk_token(resp.json()["token"])["sub"] == str(patron.pk)
