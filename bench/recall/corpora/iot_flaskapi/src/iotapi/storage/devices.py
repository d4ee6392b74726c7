"""Devices table."""
from .db import cursor

_COLUMNS = "id, owner_id, name, serial, model, status, firmware_version, notes, last_seen, created_at"


def insert_device(owner_id, model, serial, name, secret_hash, claim_token):
    with cursor(commit=True) as cur:
        cur.execute(
            """
            INSERT INTO devices (owner_id, model, serial, name, secret_hash, claim_token, status)
            VALUES (%s, %s, %s, %s, %s, %s, 'provisioned')
            RETURNING id
            """,
            (owner_id, model, serial, name, secret_hash, claim_token),
        )
        return cur.fetchone()["id"]


def get_device(device_id):
    with cursor() as cur:
        cur.execute(f"SELECT {_COLUMNS}, secret_hash FROM devices WHERE id = %s", (device_id,))
        return cur.fetchone()


def get_by_serial(serial):
    with cursor() as cur:
        cur.execute(f"SELECT {_COLUMNS} FROM devices WHERE serial = %s", (serial,))
        return cur.fetchone()


def list_devices(owner_id, sort="created_at", direction="desc", limit=50):
    sql = f"SELECT {_COLUMNS} FROM devices WHERE owner_id = %s"
    sql += f" ORDER BY {sort} {direction.upper()}"
    sql += " LIMIT %s"
    with cursor() as cur:
        cur.execute(sql, (owner_id, limit))
        return cur.fetchall()


def recent_devices(limit=100):
    with cursor() as cur:
        cur.execute(f"SELECT {_COLUMNS} FROM devices ORDER BY last_seen DESC NULLS LAST LIMIT %s", (limit,))
        return cur.fetchall()


def update_device(device_id, owner_id, name=None, notes=None):
    with cursor(commit=True) as cur:
        cur.execute(
            """
            UPDATE devices
               SET name = COALESCE(%s, name),
                   notes = COALESCE(%s, notes)
             WHERE id = %s AND owner_id = %s
            """,
            (name, notes, device_id, owner_id),
        )
        return cur.rowcount == 1


def claim_device(claim_token, owner_id):
    with cursor(commit=True) as cur:
        cur.execute(
            "UPDATE devices SET owner_id = %s, claim_token = NULL WHERE claim_token = %s AND owner_id IS NULL RETURNING id",
            (owner_id, claim_token),
        )
        row = cur.fetchone()
        return row["id"] if row else None


def touch(device_id, firmware_version=None):
    with cursor(commit=True) as cur:
        cur.execute(
            "UPDATE devices SET last_seen = now(), status = 'online', firmware_version = COALESCE(%s, firmware_version) WHERE id = %s",
            (firmware_version, device_id),
        )


def delete_device(device_id, owner_id):
    with cursor(commit=True) as cur:
        cur.execute("DELETE FROM devices WHERE id = %s AND owner_id = %s", (device_id, owner_id))
        return cur.rowcount == 1
