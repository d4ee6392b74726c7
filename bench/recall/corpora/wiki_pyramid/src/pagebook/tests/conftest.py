import os

import pytest
import transaction
import webtest
from pyramid import testing
from pyramid.paster import get_appsettings

from pagebook import main
from pagebook import models
from pagebook.models.meta import Base

TEST_SETTINGS = {
    "pagebook.env": "test",
    "session.secret": "test-session-secret",
    "api.signing_key": "test-api-signing-key-0123456789abcdef",
    "attachments.link_key": "test-download-link-key-0123456789ab",
    "ratelimit.storage_url": "memory://",
    "cors.allow_origins": "",
    "pagebook.allow_registration": "true",
}


@pytest.fixture(scope="session")
def app_settings():
    config_uri = os.environ.get("PAGEBOOK_TEST_INI", "development.ini")
    settings = dict(get_appsettings(config_uri))
    settings.update(TEST_SETTINGS)
    settings["sqlalchemy.url"] = os.environ.get(
        "PAGEBOOK_TEST_DATABASE_URL", "postgresql://pagebook@localhost:5432/pagebook_test"
    )
    return settings


@pytest.fixture(scope="session")
def dbengine(app_settings):
    engine = models.get_engine(app_settings)
    Base.metadata.drop_all(bind=engine)
    Base.metadata.create_all(bind=engine)
    yield engine
    Base.metadata.drop_all(bind=engine)


@pytest.fixture(scope="session")
def app(app_settings, dbengine):
    return main({}, dbengine=dbengine, **app_settings)


@pytest.fixture
def tm():
    tm = transaction.TransactionManager(explicit=True)
    tm.begin()
    tm.doom()
    yield tm
    tm.abort()


@pytest.fixture
def dbsession(app, tm):
    session_factory = app.registry["dbsession_factory"]
    return models.get_tm_session(session_factory, tm)


@pytest.fixture
def testapp(app, tm, dbsession):
    # override request.dbsession and request.tm with our own
    # externally-controlled values that are shared across requests but aborted
    # at the end
    return webtest.TestApp(
        app,
        extra_environ={
            "HTTP_HOST": "example.com",
            "tm.active": True,
            "tm.manager": tm,
            "app.dbsession": dbsession,
        },
    )


@pytest.fixture
def dummy_request(tm, dbsession):
    request = testing.DummyRequest()
    request.host = "example.com"
    request.dbsession = dbsession
    request.tm = tm
    return request


@pytest.fixture
def settings():
    return dict(TEST_SETTINGS)
