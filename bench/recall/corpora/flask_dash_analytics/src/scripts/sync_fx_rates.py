#!/usr/bin/env python
"""Store yesterday's EUR exchange rates so reports can normalise order currencies.

Daily cron: 15 6 * * * python scripts/sync_fx_rates.py
"""
import logging
import sys
from datetime import date, timedelta
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from salesportal import create_app  # noqa: E402
from salesportal.extensions import db  # noqa: E402

log = logging.getLogger("sync_fx_rates")

FX_API_URL = "https://api.fxratesapi.io/v2/historical"
FX_API_KEY = "fxr_live_9d41c7a2e85b4f06a3c1d2e7b8f90a64"
CURRENCIES = ("USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "JPY")

INSERT_RATE = text(
    "INSERT INTO fx_rates (day, currency, rate) VALUES (:day, :currency, :rate) "
    "ON CONFLICT (day, currency) DO UPDATE SET rate = EXCLUDED.rate"
)


def fetch_rates(day):
    resp = requests.get(
        FX_API_URL,
        params={"date": day.isoformat(), "base": "EUR", "symbols": ",".join(CURRENCIES)},
        headers={"apikey": FX_API_KEY},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()["rates"]


def main():
    day = date.today() - timedelta(days=1)
    rates = fetch_rates(day)
    app = create_app()
    with app.app_context(), db.engine.begin() as conn:
        for currency, rate in rates.items():
            if currency in CURRENCIES:
                conn.execute(INSERT_RATE, {"day": day, "currency": currency, "rate": rate})
    log.info("Stored %d FX rates for %s", len(rates), day)
    return 0


if __name__ == "__main__":
    sys.exit(main())
