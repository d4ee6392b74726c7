import pytest
from django.test import Client

from accounts.models import User
from payroll.models import Department, Employee

TEST_JWT_SIGNING_KEY = "test-only-signing-key-0123456789abcdef0123456789"
TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _jwt_settings(settings):
    settings.JWT_SIGNING_KEY = TEST_JWT_SIGNING_KEY
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PARTNER_API_KEYS = {"acme-pensions": "test-partner-key"}
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def department(db):
    return Department.objects.create(code="ENG", name="Engineering", cost_centre="CC100")


@pytest.fixture
def employee_user(db):
    return User.objects.create_user(
        username="jdoe", email="jdoe@example.com", password=TEST_PASSWORD, kind=User.Kind.EMPLOYEE
    )


@pytest.fixture
def employee(department, employee_user):
    return Employee.objects.create(
        employee_no="E0001",
        user=employee_user,
        first_name="Jane",
        last_name="Doe",
        work_email="jdoe@example.com",
        department=department,
        annual_salary="42000.00",
        hired_on="2021-03-01",
    )


@pytest.fixture
def api_client():
    return Client()
