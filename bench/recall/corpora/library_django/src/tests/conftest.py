import pytest
from rest_framework.test import APIClient

from accounts.models import Patron
from api.models import KioskDevice
from catalogue.models import Branch, Copy, Title


@pytest.fixture
def branch(db):
    return Branch.objects.create(code="CEN", name="Central Library")


@pytest.fixture
def patron(db, branch):
    user = Patron.objects.create_user(
        username="reader", email="reader@example.org", password="correct horse battery",
        home_branch=branch, card_number="29040000000011",
    )
    user.set_kiosk_pin("4821")
    user.save()
    return user


@pytest.fixture
def title(db):
    return Title.objects.create(isbn="9780000000019", title="The Salt Orchard", author="J. Gill")


@pytest.fixture
def copy(db, title, branch):
    return Copy.objects.create(title=title, branch=branch, barcode="30000001", shelfmark="F GIL")


@pytest.fixture
def kiosk(db, branch):
    return KioskDevice.objects.create(name="Front desk 1", branch=branch)


@pytest.fixture
def api_client():
    return APIClient()
