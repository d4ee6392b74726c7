#!/usr/bin/env python3
"""Populate a local database with reproducible demo customers and invoices."""
import asyncio
import random
from datetime import date, timedelta

from sqlalchemy import text

from billing.db import engine

COMPANIES = ["Acme GmbH", "Globex Ltd", "Initech", "Umbrella SA", "Hooli", "Vandelay Imports"]
CURRENCIES = ["EUR", "EUR", "USD", "GBP"]


async def main(tenant_id: int = 1, invoices_per_customer: int = 12) -> None:
    rng = random.Random(42)
    async with engine.begin() as conn:
        for name in COMPANIES:
            res = await conn.execute(
                text("INSERT INTO customers (tenant_id, name, email) VALUES (:t, :n, :e) RETURNING id"),
                {"t": tenant_id, "n": name, "e": f"ap@{name.split()[0].lower()}.example"},
            )
            cid = res.scalar_one()
            for n in range(invoices_per_customer):
                issued = date(2024, 1, 1) + timedelta(days=rng.randint(0, 300))
                await conn.execute(
                    text(
                        "INSERT INTO invoices (tenant_id, number, customer_id, status, currency,"
                        " total_cents, issued_on, due_on, notes, share_token)"
                        " VALUES (:t, :num, :c, :st, :cur, :cents, :i, :d, '', :tok)"
                    ),
                    {
                        "t": tenant_id,
                        "num": f"DEMO-{cid:03d}-{n:03d}",
                        "c": cid,
                        "st": rng.choice(["open", "paid", "paid", "overdue"]),
                        "cur": rng.choice(CURRENCIES),
                        "cents": rng.randint(5_000, 2_500_000),
                        "i": issued,
                        "d": issued + timedelta(days=30),
                        "tok": f"demo-{cid}-{n}",
                    },
                )


if __name__ == "__main__":
    asyncio.run(main())
