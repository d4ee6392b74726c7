from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Patient, User
from appointments.models import Appointment
from booking import links

TEST_PASSWORD = "correct-horse-battery-42"


@pytest.fixture
def doctor(db):
    return User.objects.create_user(username="dr_patel", password=TEST_PASSWORD, role=User.Role.DOCTOR, last_name="Patel")


@pytest.fixture
def patient(db):
    return Patient.objects.create(
        first_name="Ada", last_name="Lovelace", date_of_birth="1990-12-10", phone="+447700900123", email="ada@example.com"
    )


def test_link_can_only_be_redeemed_once(patient, settings, mailoutbox):
    settings.BOOKING_LINK_TTL = timedelta(hours=1)
    link = links.create_booking_link(patient)
    assert links.redeem_link(link.token) is not None
    assert links.redeem_link(link.token) is None


def test_expired_link_is_rejected(patient):
    link = links.create_booking_link(patient)
    link.expires_at = timezone.now() - timedelta(minutes=1)
    link.save()
    assert links.redeem_link(link.token) is None


def test_choose_requires_booking_cookie(client, db):
    response = client.get(reverse("booking:choose"))
    assert response.status_code == 410


def test_staff_can_list_appointments(client, doctor, patient):
    Appointment.objects.create(patient=patient, doctor=doctor, starts_at=timezone.now() + timedelta(days=1))
    client.login(username="dr_patel", password=TEST_PASSWORD)
    response = client.get(reverse("appointments:list"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"Lovelace" in response.content
