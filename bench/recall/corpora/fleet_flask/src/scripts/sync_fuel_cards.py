#!/usr/bin/env python
"""Copy plate assignments from our vehicle register into the legacy fuel-card DB.

Run after bulk re-assignments:  python scripts/sync_fuel_cards.py [--apply]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from fleet import create_app  # noqa: E402
from fleet.models import Vehicle  # noqa: E402
from fleet.services.legacy_db import legacy_cursor  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--apply", action="store_true")
    args = parser.parse_args()

    app = create_app(os.environ.get("FLEET_CONFIG", "production"))
    with app.app_context():
        vehicles = {v.plate: v for v in Vehicle.query.filter(Vehicle.status != "retired")}
        with legacy_cursor(commit=args.apply) as cur:
            cur.execute("SELECT card_number, plate FROM fuel_cards WHERE blocked = 0")
            cards = cur.fetchall()
            orphaned = [c for c in cards if c["plate"] and c["plate"] not in vehicles]
            for card in orphaned:
                print(f"card ...{card['card_number'][-4:]} points at unknown plate {card['plate']}")
                if args.apply:
                    cur.execute(
                        "UPDATE fuel_cards SET blocked = 1, blocked_reason = %s WHERE card_number = %s",
                        ("vehicle no longer in register", card["card_number"]),
                    )
    print(f"{len(orphaned)} orphaned cards{' blocked' if args.apply else ''}")


if __name__ == "__main__":
    main()
