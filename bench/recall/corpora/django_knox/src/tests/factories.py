from decimal import Decimal

import factory

from apps.accounts.models import User
from apps.leases.models import Lease
from apps.properties.models import Building, Portfolio, Unit

DEFAULT_TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    username = factory.SelfAttribute("email")
    role = User.Role.TENANT
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_TEST_PASSWORD)


class PortfolioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Portfolio

    name = factory.Sequence(lambda n: f"Portfolio {n}")
    owner = factory.SubFactory(UserFactory, role=User.Role.LANDLORD)


class BuildingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Building

    portfolio = factory.SubFactory(PortfolioFactory)
    code = factory.Sequence(lambda n: f"B{n}")
    name = factory.Sequence(lambda n: f"Maple Court {n}")
    street = "12 Maple St"
    city = "Springfield"
    postal_code = "01101"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    building = factory.SubFactory(BuildingFactory)
    number = factory.Sequence(lambda n: f"{100 + n}")
    market_rent = Decimal("1450.00")


class LeaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lease

    unit = factory.SubFactory(UnitFactory)
    primary_tenant = factory.SubFactory(UserFactory)
    start_date = factory.Faker("date_this_year")
    monthly_rent = Decimal("1450.00")
    status = Lease.Status.ACTIVE
