#!/usr/bin/env python
"""Load demo warehouses, suppliers and items into a development database.

    FLASK_CONFIG=development python scripts/seed_data.py
"""
import os
import random
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402
from app.models import Item, Location, StockLevel, Supplier, Warehouse  # noqa: E402
from app.services.inventory import render_description  # noqa: E402

WAREHOUSES = [
    ("LON1", "London Park Royal", "ops-lon@northwind-logistics.com"),
    ("MAN1", "Manchester Trafford", "ops-man@northwind-logistics.com"),
    ("BRS1", "Bristol Avonmouth", None),
]

SUPPLIERS = [
    ("ACME", "Acme Fasteners Ltd", 5),
    ("KPK", "Kingspack Packaging", 10),
    ("VOLT", "Volta Electrical Supplies", 14),
]

PRODUCTS = [
    ("BOLT-M8-50", "Hex bolt M8 x 50 zinc", "box", "4.20"),
    ("BOLT-M10-60", "Hex bolt M10 x 60 zinc", "box", "5.75"),
    ("NUT-M8", "Hex nut M8 zinc", "box", "1.90"),
    ("TAPE-48-CLR", "Packing tape 48mm clear", "ea", "0.85"),
    ("BOX-DW-600", "Double wall carton 600x400x400", "ea", "1.40"),
    ("STRETCH-500", "Stretch film 500mm", "ea", "9.60"),
    ("CBL-2.5-100", "Twin & earth 2.5mm 100m", "ea", "74.00"),
    ("MCB-B32", "MCB type B 32A", "ea", "6.30"),
    ("LED-PNL-600", "LED panel 600x600 40W", "ea", "18.50"),
    ("GLV-NIT-L", "Nitrile gloves L (100)", "box", "6.10"),
]


def main(seed=7):
    # fixed seed so every developer gets the same demo numbers
    rnd = random.Random(seed)
    app = create_app(os.environ.get("FLASK_CONFIG", "development"))
    with app.app_context():
        db.create_all()
        if Warehouse.query.first():
            print("database already has data, skipping")
            return

        warehouses = []
        for code, name, manager in WAREHOUSES:
            wh = Warehouse(code=code, name=name, manager_email=manager)
            db.session.add(wh)
            for aisle in "ABC":
                for bay in range(1, 5):
                    db.session.add(Location(warehouse=wh, code=f"{aisle}-{bay:02d}-01", zone=aisle))
            warehouses.append(wh)

        suppliers = [Supplier(code=c, name=n, lead_time_days=d) for c, n, d in SUPPLIERS]
        db.session.add_all(suppliers)
        db.session.flush()

        for i, (sku, name, unit, cost) in enumerate(PRODUCTS):
            description = f"**{name}**\n\nStandard stock line, reorder via {suppliers[i % 3].name}."
            item = Item(
                sku=sku,
                barcode=f"50{rnd.randint(10**10, 10**11 - 1)}",
                name=name,
                unit=unit,
                unit_cost=Decimal(cost),
                reorder_point=rnd.choice([5, 10, 20, 50]),
                supplier=suppliers[i % 3],
                description=description,
                description_html=render_description(description),
            )
            db.session.add(item)
            for wh in warehouses:
                db.session.add(StockLevel(item=item, warehouse=wh, quantity=rnd.randint(0, 400)))

        db.session.commit()
        print(f"seeded {len(warehouses)} warehouses and {len(PRODUCTS)} items")


if __name__ == "__main__":
    main()
