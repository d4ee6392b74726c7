"""Fill a local database with a demo tenant, customers and invoices.

Usage: python scripts/seed_demo.py --owner-email you@example.com
"""

import argparse
import asyncio
import getpass
import random
from datetime import UTC, datetime, timedelta

from invoicing.containers import Container
from invoicing.security.passwords import hash_password

COMPANY_NAMES = ["Northwind Traders", "Contoso Ltd", "Fabrikam Inc", "Tailspin Toys", "Adventure Works"]
SERVICES = ["Consulting", "Support retainer", "Hosting", "Licence renewal", "Training day"]


async def seed(owner_email: str, owner_password: str, invoices_per_customer: int) -> None:
    rng = random.Random(42)
    container = Container()
    await container.init_resources()
    try:
        users = container.user_repository()
        owner = await users.create_with_tenant("Demo Billing Co", owner_email, "Demo Owner", hash_password(owner_password))
        tenant_id = owner["tenant_id"]
        customers = container.customer_repository()
        invoices = container.invoice_repository()
        for name in COMPANY_NAMES:
            customer = await customers.create(
                tenant_id, name, f"ap@{name.split()[0].lower()}.example", ["1 Demo Street", "Springfield"], None
            )
            for _ in range(invoices_per_customer):
                lines = [
                    {
                        "description": rng.choice(SERVICES),
                        "quantity": rng.randint(1, 10),
                        "unit_cents": rng.randrange(5_000, 150_000, 500),
                    }
                    for _ in range(rng.randint(1, 4))
                ]
                await invoices.create(
                    tenant_id,
                    {
                        "customer_id": customer["id"],
                        "number": await invoices.next_number(tenant_id),
                        "currency": rng.choice(["EUR", "USD", "GBP"]),
                        "total_cents": sum(ln["quantity"] * ln["unit_cents"] for ln in lines),
                        "notes": "",
                        "due_at": datetime.now(UTC) + timedelta(days=rng.randint(-45, 30)),
                    },
                    lines,
                )
    finally:
        await container.shutdown_resources()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--owner-email", required=True)
    parser.add_argument("--invoices-per-customer", type=int, default=8)
    args = parser.parse_args()
    password = getpass.getpass("Password for the demo owner: ")
    asyncio.run(seed(args.owner_email, password, args.invoices_per_customer))


if __name__ == "__main__":
    main()
