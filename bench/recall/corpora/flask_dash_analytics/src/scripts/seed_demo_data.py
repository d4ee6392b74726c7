#!/usr/bin/env python
"""Fill a local development database with reproducible fake sales data."""
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from salesportal import create_app  # noqa: E402
from salesportal.extensions import db  # noqa: E402
from salesportal.models import customers, order_lines, products, sales_orders, sales_reps  # noqa: E402

REGIONS = ["DACH", "Nordics", "Benelux", "UK&I", "France", "Iberia"]
TIERS = ["strategic", "key", "standard", "standard", "standard"]


def main():
    if os.environ.get("APP_ENV", "development") != "development":
        print("Refusing to seed demo data outside APP_ENV=development.", file=sys.stderr)
        return 1

    random.seed(7)
    app = create_app("development")
    with app.app_context():
        db.create_all()
        with db.engine.begin() as conn:
            conn.execute(sales_reps.insert(), [{"id": i, "full_name": f"Rep {i:02d}"} for i in range(1, 13)])
            conn.execute(products.insert(), [{"id": i, "sku": f"SKU-{i:04d}", "name": f"Product {i}"} for i in range(1, 41)])
            conn.execute(
                customers.insert(),
                [
                    {
                        "id": i,
                        "ref": f"C{i:05d}",
                        "name": f"Customer {i}",
                        "region": random.choice(REGIONS),
                        "tier": random.choice(TIERS),
                        "rep_id": random.randint(1, 12),
                    }
                    for i in range(1, 301)
                ],
            )
            start = datetime.now(timezone.utc) - timedelta(days=400)
            orders, lines = [], []
            for order_id in range(1, 5001):
                customer_id = random.randint(1, 300)
                ordered_at = start + timedelta(minutes=random.randint(0, 400 * 24 * 60))
                basket = random.sample(range(1, 41), k=random.randint(1, 4))
                total = 0
                for product_id in basket:
                    qty = random.randint(1, 20)
                    amount = round(qty * random.uniform(15, 400), 2)
                    total += amount
                    lines.append({"order_id": order_id, "product_id": product_id, "quantity": qty, "amount": amount})
                orders.append(
                    {
                        "id": order_id,
                        "external_id": f"V-{order_id:07d}",
                        "customer_id": customer_id,
                        "amount": round(total, 2),
                        "currency": "EUR",
                        "status": random.choice(["paid", "paid", "paid", "open", "refunded"]),
                        "ordered_at": ordered_at,
                    }
                )
            conn.execute(sales_orders.insert(), orders)
            conn.execute(order_lines.insert(), lines)
    print(f"Seeded {len(orders)} orders and {len(lines)} order lines.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
