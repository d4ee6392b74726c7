"""Telemetry readings (one row per metric sample)."""
from psycopg2.extras import execute_values

from .db import cursor


def insert_readings(rows):
    """rows: iterable of (device_id, ts, metric, value)."""
    rows = list(rows)
    if not rows:
        return 0
    with cursor(commit=True) as cur:
        execute_values(cur, "INSERT INTO readings (device_id, ts, metric, value) VALUES %s", rows)
    return len(rows)


def query_readings(device_id, metrics, since, limit=1000):
    sql = "SELECT ts, metric, value FROM readings WHERE device_id = %s AND ts >= %s"
    params = [device_id, since]
    if metrics:
        placeholders = ", ".join(["%s"] * len(metrics))
        sql += f" AND metric IN ({placeholders})"
        params.extend(metrics)
    sql += " ORDER BY ts DESC LIMIT %s"
    params.append(limit)
    with cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def latest_per_metric(device_id):
    with cursor() as cur:
        cur.execute(
            """
            SELECT DISTINCT ON (metric) metric, value, ts
              FROM readings
             WHERE device_id = %s
             ORDER BY metric, ts DESC
            """,
            (device_id,),
        )
        return cur.fetchall()
