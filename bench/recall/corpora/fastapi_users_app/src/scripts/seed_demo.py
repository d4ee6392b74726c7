"""Fill a local database with a demo organisation, customers and a year of invoices.

    INVOICELY_ENVIRONMENT=development python -m scripts.seed_demo
"""
import asyncio
import os
import random
import sys
from datetime import date, timedelta
from decimal import Decimal

from fastapi_users.db import SQLAlchemyUserDatabase

from app.core.config import settings
from app.db import async_session_maker
from app.models import Customer, User
from app.schemas import CustomerCreate, InvoiceCreate, InvoiceLineIn, UserCreate
from app.services.invoices import InvoiceService
from app.users.manager import UserManager, password_helper

# Same demo data on every run, so screenshots and docs stay comparable.
random.seed(42)

COMPANIES = [
    "Northwind Traders", "Blue Yonder Airlines", "Fabrikam Ltd", "Tailspin Toys", "Wide World Importers",
    "Adventure Works", "Contoso Pharmaceuticals", "Litware Inc", "Proseware", "Woodgrove Bank",
]
SERVICES = [
    ("Website maintenance", Decimal("450.00")),
    ("Logo design", Decimal("900.00")),
    ("Consulting (hourly)", Decimal("95.00")),
    ("Hosting, monthly", Decimal("39.00")),
    ("Copywriting", Decimal("220.00")),
]


async def seed() -> None:
    if settings.is_production:
        sys.exit("Refusing to seed demo data into a production database.")

    async with async_session_maker() as session:
        manager = UserManager(SQLAlchemyUserDatabase(session, User), password_helper)
        password = os.getenv("DEMO_PASSWORD")
        if not password:
            sys.exit("Set DEMO_PASSWORD to the password the demo account should use.")
        owner = await manager.create(
            UserCreate(email="demo@invoicely.test", password=password, full_name="Demo Studio", is_verified=True)
        )
        owner = await session.get(User, owner.id)
        service = InvoiceService(session)

        customers: list[Customer] = []
        for name in COMPANIES:
            slug = name.lower().replace(" ", "")
            customers.append(
                await service.create_customer(owner, CustomerCreate(name=name, email=f"billing@{slug}.example"))
            )

        start = date.today() - timedelta(days=365)
        for _ in range(120):
            issued = start + timedelta(days=random.randint(0, 360))
            lines = [
                InvoiceLineIn(description=desc, quantity=Decimal(random.randint(1, 10)), unit_price=price)
                for desc, price in random.sample(SERVICES, k=random.randint(1, 3))
            ]
            invoice = await service.create(
                owner,
                InvoiceCreate(
                    customer_id=random.choice(customers).id,
                    issued_on=issued,
                    due_on=issued + timedelta(days=30),
                    lines=lines,
                ),
            )
            roll = random.random()
            if roll < 0.6:
                await service.mark_paid(invoice)
            elif roll < 0.9:
                await service.mark_sent(invoice)

    print("Seeded demo@invoicely.test; sign in with the password from DEMO_PASSWORD.")


if __name__ == "__main__":
    asyncio.run(seed())
