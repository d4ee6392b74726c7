import os

import alembic.command
import alembic.config
import fakeredis
import pytest
import transaction
import webtest
from pyramid.paster import get_appsettings
from pyramid.scripting import prepare
from pyramid.testing import DummyRequest, testConfig

from crm import main, models
from crm.models.meta import Base
from crm.services.throttle import FixedWindowLimiter

TEST_ENVIRONMENT = {
    "CRM_AUTH_SECRET": "test-auth-secret-not-used-anywhere-else",
    "CRM_SESSION_SECRET": "test-session-secret-not-used-anywhere-else",
    "CRM_JWT_SECRET": "test-jwt-secret-not-used-anywhere-else-0123",
    "CRM_STRIPE_WEBHOOK_SECRET": "whsec_test_fixture",
}


def pytest_addoption(parser):
    parser.addoption("--ini", action="store", metavar="INI_FILE")


@pytest.fixture(scope="session")
def ini_file(request):
    # potentially grab this path from a pytest option
    return os.path.abspath(request.config.option.ini or "testing.ini")


@pytest.fixture(scope="session")
def app_settings(ini_file):
    os.environ.update(TEST_ENVIRONMENT)
    return get_appsettings(ini_file)


@pytest.fixture(scope="session")
def dbengine(app_settings, ini_file):
    engine = models.get_engine(app_settings)

    alembic_cfg = alembic.config.Config(ini_file)
    Base.metadata.drop_all(bind=engine)
    alembic.command.stamp(alembic_cfg, None, purge=True)

    # run migrations to initialize the database
    # depending on how we want to initialize the database from scratch
    # we could alternatively call:
    # Base.metadata.create_all(bind=engine)
    # alembic.command.stamp(alembic_cfg, "head")
    alembic.command.upgrade(alembic_cfg, "head")

    yield engine

    Base.metadata.drop_all(bind=engine)
    alembic.command.stamp(alembic_cfg, None, purge=True)


@pytest.fixture(scope="session")
def app(app_settings, dbengine):
    limiter = FixedWindowLimiter(fakeredis.FakeRedis())
    return main({}, dbengine=dbengine, **{**app_settings, "crm.rate_limiter": limiter})


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
    testapp = webtest.TestApp(
        app,
        extra_environ={
            "HTTP_HOST": "example.com",
            "tm.active": True,
            "tm.manager": tm,
            "app.dbsession": dbsession,
        },
    )
    return testapp


@pytest.fixture
def app_request(app, tm, dbsession):
    with prepare(registry=app.registry) as env:
        request = env["request"]
        request.host = "example.com"
        request.dbsession = dbsession
        request.tm = tm
        yield request


@pytest.fixture
def dummy_request(tm, dbsession):
    request = DummyRequest()
    request.host = "example.com"
    request.dbsession = dbsession
    request.tm = tm
    return request


@pytest.fixture
def dummy_config(dummy_request):
    with testConfig(request=dummy_request) as config:
        yield config


@pytest.fixture
def sales_user(dbsession):
    user = models.User(email="rep@example.com", full_name="Rita Rep", role="sales")
    user.set_password("correct horse battery staple")
    dbsession.add(user)
    dbsession.flush()
    return user
