import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from subscribers import hashing
from subscribers.models import PasswordResetCode


def test_hash_roundtrip():
    encoded = hashing.hash_password("tide-tables-2024")
    assert hashing.check_password("tide-tables-2024", encoded)
    assert not hashing.check_password("tide-tables-2025", encoded)


def test_login_sets_session_cookie(client, subscriber):
    response = client.post(
        reverse("subscribers:login"),
        {"email": "reader@example.com", "password": "correct horse battery", "remember": "on"},
    )
    assert response.status_code == 302
    assert settings.SUBSCRIBER_COOKIE in response.cookies


def test_login_wrong_password(client, subscriber):
    response = client.post(reverse("subscribers:login"), {"email": "reader@example.com", "password": "nope"})
    assert response.status_code == 200
    assert settings.SUBSCRIBER_COOKIE not in response.cookies


def test_reset_sends_email_and_code_works_once(client, subscriber):
    client.post(reverse("subscribers:reset"), {"email": "reader@example.com"})
    assert len(mail.outbox) == 1
    code = PasswordResetCode.objects.get(subscriber=subscriber).code
    url = reverse("subscribers:reset-confirm", args=[code])
    new = {"new_password": "a much longer passphrase", "new_password_confirm": "a much longer passphrase"}
    assert client.post(url, new).status_code == 302
    assert client.post(url, new).status_code == 400


@pytest.mark.django_db
def test_reset_for_unknown_email_looks_the_same(client):
    response = client.post(reverse("subscribers:reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 0
