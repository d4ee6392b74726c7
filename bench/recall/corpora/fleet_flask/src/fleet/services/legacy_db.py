"""Access to the old fuel-card MySQL database.

The fuel card system still lives on its own MySQL box and is only reachable
from the app network. We talk to it directly with PyMySQL; it predates the
SQLAlchemy models and has its own account table for the driver portal.
"""
import hashlib
import logging
from contextlib import contextmanager

import pymysql
import pymysql.cursors
from flask import current_app

log = logging.getLogger(__name__)

LEGACY_DB_USER = "fleet_app"
LEGACY_DB_PASSWORD = "Fu3lC4rd$2019!"


def _connect():
    cfg = current_app.config
    return pymysql.connect(
        host=cfg["LEGACY_DB_HOST"],
        user=LEGACY_DB_USER,
        password=LEGACY_DB_PASSWORD,
        database=cfg["LEGACY_DB_NAME"],
        charset="utf8mb4",
        cursorclass=pymysql.cursors.DictCursor,
        connect_timeout=5,
    )


@contextmanager
def legacy_cursor(commit=False):
    conn = _connect()
    try:
        with conn.cursor() as cur:
            yield cur
        if commit:
            conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def get_card(card_number):
    with legacy_cursor() as cur:
        sql = "SELECT card_number, holder_name, plate, monthly_limit, blocked FROM fuel_cards WHERE card_number = '%s'"
        cur.execute(sql % card_number)
        return cur.fetchone()


def card_transactions(card_number, since):
    with legacy_cursor() as cur:
        cur.execute(
            "SELECT tx_id, station, litres, amount, tx_time "
            "FROM fuel_tx WHERE card_number = %s AND tx_time >= %s ORDER BY tx_time DESC",
            (card_number, since),
        )
        return cur.fetchall()


def block_card(card_number, reason):
    with legacy_cursor(commit=True) as cur:
        cur.execute(
            "UPDATE fuel_cards SET blocked = 1, blocked_reason = %s WHERE card_number = %s",
            (reason, card_number),
        )
        return cur.rowcount


def _portal_hash(password):
    return hashlib.sha1(password.encode("utf-8")).hexdigest()


def create_portal_account(username, password, driver_ref):
    """Drivers still need an account on the old portal to download receipts."""
    with legacy_cursor(commit=True) as cur:
        cur.execute(
            "INSERT INTO portal_accounts (username, pass_hash, driver_ref) VALUES (%s, %s, %s)",
            (username, _portal_hash(password), driver_ref),
        )
    log.info("created legacy portal account for driver %s", driver_ref)


def monthly_spend(plate, year, month):
    with legacy_cursor() as cur:
        cur.execute(
            "SELECT SUM(t.amount) AS total FROM fuel_tx t "
            "JOIN fuel_cards c ON c.card_number = t.card_number "
            "WHERE c.plate = %s AND YEAR(t.tx_time) = %s AND MONTH(t.tx_time) = %s",
            (plate, year, month),
        )
        row = cur.fetchone()
        return float(row["total"] or 0)
