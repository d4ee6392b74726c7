import datetime

import pytest

from plotkeeper import create_app
from plotkeeper.db import database
from plotkeeper.models import ALL_MODELS, Plot, Site, Tenancy, User

TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture()
def app():
    app = create_app("testing")
    with app.app_context():
        database.connect(reuse_if_open=True)
        database.create_tables(ALL_MODELS)
        yield app
        database.drop_tables(ALL_MODELS)
        database.close()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def member(app):
    user = User(email="grower@example.org", display_name="Grower", email_verified=True)
    user.set_password(TEST_PASSWORD)
    user.save()
    site = Site.create(slug="eastfield", name="Eastfield", postcode="AB1 2CD")
    plot = Plot.create(site=site, number="12A", size_sqm=125, annual_rent_pence=4500)
    Tenancy.create(plot=plot, tenant=user, starts_on=datetime.date(2023, 3, 1))
    return user
