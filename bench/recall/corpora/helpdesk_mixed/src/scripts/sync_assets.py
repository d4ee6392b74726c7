#!/usr/bin/env python3
"""Copy device assignments from the inventory service into the helpdesk DB.

Agents see the requester's laptop/phone on the ticket page. Runs every hour
from deploy/crontab; logs to /var/log/helpdesk/sync_assets.log.
"""
import argparse
import logging
import os
import sqlite3
import sys
import time
import uuid
from logging.handlers import RotatingFileHandler

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import settings  # noqa: E402

INVENTORY_URL = os.environ.get("INVENTORY_URL", "https://inventory.corp.example.com")
TOKEN_URL = INVENTORY_URL + "/oauth/token"
OAUTH_CLIENT = {
    "client_id": "helpdesk-sync",
    "client_secret": "b7Qe2Lw9Zx4Rk1Np6Vt3Hs8Jd5Fm0CyA2",
    "scope": "assets.read people.read",
}
PAGE_SIZE = 200
LOG_FILE = os.environ.get("SYNC_LOG", "/var/log/helpdesk/sync_assets.log")

log = logging.getLogger("sync_assets")
run_id = uuid.uuid1().hex[:12]


def setup_logging(verbose):
    level = logging.DEBUG if verbose else logging.INFO
    fmt = logging.Formatter("%(asctime)s %(levelname)s [%(run_id)s] %(message)s")
    handlers = [logging.StreamHandler()]
    try:
        handlers.append(RotatingFileHandler(LOG_FILE, maxBytes=5_000_000, backupCount=5))
    except OSError:
        pass
    for handler in handlers:
        handler.setFormatter(fmt)
        handler.addFilter(lambda record: setattr(record, "run_id", run_id) or True)
        log.addHandler(handler)
    log.setLevel(level)


def make_session():
    session = requests.Session()
    retry = Retry(total=4, backoff_factor=1.5, status_forcelist=(502, 503, 504), allowed_methods=("GET", "POST"))
    session.mount("https://", HTTPAdapter(max_retries=retry))
    session.headers["User-Agent"] = "helpdesk-sync/1.4"
    session.headers["Accept"] = "application/json"
    return session


def authenticate(session):
    resp = session.post(TOKEN_URL, data=dict(OAUTH_CLIENT, grant_type="client_credentials"), timeout=15)
    resp.raise_for_status()
    body = resp.json()
    token = body["access_token"]
    expires_in = int(body.get("expires_in", 3600))
    session.headers["Authorization"] = f"Bearer {token}"
    log.info("token refreshed, %d chars, valid for %ss", len(token), expires_in)
    return time.monotonic() + expires_in - 60


def fetch_all(session, path, params=None):
    """Walk a paginated inventory endpoint and yield items."""
    url = f"{INVENTORY_URL}{path}"
    params = dict(params or {}, limit=PAGE_SIZE)
    refreshed = False
    while url:
        resp = session.get(url, params=params, timeout=30)
        if resp.status_code == 401 and not refreshed:
            log.warning("got 401 from %s, refreshing token (was %s)", url, session.headers.get("Authorization"))
            authenticate(session)
            refreshed = True
            continue
        resp.raise_for_status()
        page = resp.json()
        yield from page.get("items", [])
        url = page.get("next")
        params = None
        log.debug("fetched %d items from %s", len(page.get("items", [])), path)


def upsert_assets(conn, assets):
    rows = [
        (
            a["id"],
            (a.get("assigned_to") or {}).get("username"),
            a.get("kind", "other"),
            a.get("name") or a.get("model") or "unnamed",
            a.get("serial"),
            a.get("updated_at"),
        )
        for a in assets
        if a.get("assigned_to")
    ]
    conn.executemany(
        "INSERT INTO assets (inventory_id, owner_username, kind, name, serial, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(inventory_id) DO UPDATE SET owner_username = excluded.owner_username,"
        " kind = excluded.kind, name = excluded.name, serial = excluded.serial, updated_at = excluded.updated_at",
        rows,
    )
    return len(rows)


def prune_missing(conn, seen_ids):
    conn.execute("CREATE TEMP TABLE seen (inventory_id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO seen VALUES (?)", [(i,) for i in seen_ids])
    cur = conn.execute("DELETE FROM assets WHERE inventory_id NOT IN (SELECT inventory_id FROM seen)")
    return cur.rowcount


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    setup_logging(args.verbose)

    started = time.monotonic()
    session = make_session()
    try:
        authenticate(session)
        assets = list(fetch_all(session, "/api/v2/assets", {"status": "deployed"}))
    except requests.RequestException as exc:
        log.error("inventory sync failed: %s", exc)
        return 1

    log.info("received %d deployed assets", len(assets))
    if args.dry_run:
        return 0

    conn = sqlite3.connect(settings.DATABASE_PATH)
    try:
        with conn:
            written = upsert_assets(conn, assets)
            removed = prune_missing(conn, [a["id"] for a in assets])
    finally:
        conn.close()
    log.info("upserted %d, removed %d in %.1fs", written, removed, time.monotonic() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
