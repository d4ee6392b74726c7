"""Push confirmed applicant organisations to HubSpot as companies/contacts.

Run nightly from cron on the worker host.
"""
import logging
import os
import sys
import time

import requests

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir)))

from sqlalchemy import select  # noqa: E402

from grants import create_app  # noqa: E402
from grants.extensions import db  # noqa: E402
from grants.models import User  # noqa: E402

log = logging.getLogger("sync_crm")

HUBSPOT_BASE = "https://api.hubapi.com"
HUBSPOT_TOKEN = "pat-eu1-3f6b2c91-7d4e-4a8b-9c15-e2a07d5f8b34"
BATCH_SIZE = 100


def _session():
    s = requests.Session()
    s.headers.update({
        "Authorization": f"Bearer {HUBSPOT_TOKEN}",
        "Content-Type": "application/json",
    })
    return s


def contact_payload(user):
    first, _, last = user.name.partition(" ")
    return {
        "id": user.email,
        "idProperty": "email",
        "properties": {
            "email": user.email,
            "firstname": first,
            "lastname": last,
            "company": user.organisation or "",
            "grants_portal_id": str(user.id),
        },
    }


def push_batch(session, users):
    body = {"inputs": [contact_payload(u) for u in users]}
    for attempt in range(3):
        resp = session.post(f"{HUBSPOT_BASE}/crm/v3/objects/contacts/batch/upsert", json=body, timeout=30)
        if resp.status_code == 429:
            time.sleep(2 ** attempt)
            continue
        resp.raise_for_status()
        return len(users)
    raise RuntimeError("HubSpot kept rate-limiting us")


def main():
    logging.basicConfig(level=logging.INFO)
    app = create_app()
    with app.app_context():
        users = db.session.scalars(
            select(User).where(User.role == "applicant", User.confirmed.is_(True)).order_by(User.id)
        ).all()
        session = _session()
        pushed = 0
        for i in range(0, len(users), BATCH_SIZE):
            pushed += push_batch(session, users[i:i + BATCH_SIZE])
        log.info("Synced %d contacts", pushed)


if __name__ == "__main__":
    main()
