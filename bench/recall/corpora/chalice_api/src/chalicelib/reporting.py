"""The MySQL reporting replica: connections, queries and report assembly.

Credentials live in Secrets Manager (REPORTING_DB_SECRET_ID).
"""
import contextlib
import datetime as dt
import functools
import json

import pymysql
import pymysql.cursors

from chalicelib import aws, settings

RIDE_FACTS = "ride_facts"
RIDE_COLUMNS = "ride_id, rider_id, start_station_id, end_station_id, started_at, duration_s, fare_cents"
STATION_RIDE_SORTS = {
    "recent": "started_at",
    "longest": "duration_s",
    "fare": "fare_cents",
}
MAX_ROWS = 500


@functools.lru_cache(maxsize=1)
def _credentials():
    response = aws.secretsmanager().get_secret_value(SecretId=settings.REPORTING_DB_SECRET_ID)
    return json.loads(response["SecretString"])


def get_connection():
    creds = _credentials()
    return pymysql.connect(
        host=creds["host"],
        port=int(creds.get("port", 3306)),
        user=creds["username"],
        password=creds["password"],
        database=creds.get("dbname", "reporting"),
        cursorclass=pymysql.cursors.DictCursor,
        connect_timeout=5,
        autocommit=True,
        charset="utf8mb4",
    )


@contextlib.contextmanager
def cursor(connection_factory=get_connection):
    conn = connection_factory()
    try:
        with conn.cursor() as cur:
            yield cur
    finally:
        conn.close()


class ReportRepository:
    def __init__(self, cursor_factory=cursor):
        self._cursor = cursor_factory

    def ride(self, ride_id):
        with self._cursor() as cur:
            cur.execute(f"SELECT {RIDE_COLUMNS} FROM {RIDE_FACTS} WHERE ride_id = %s", (ride_id,))
            return cur.fetchone()

    def rides(self, ride_ids):
        if not ride_ids:
            return []
        placeholders = ", ".join(["%s"] * len(ride_ids))
        with self._cursor() as cur:
            cur.execute(
                f"SELECT {RIDE_COLUMNS} FROM {RIDE_FACTS} WHERE ride_id IN ({placeholders})",
                list(ride_ids),
            )
            return cur.fetchall()

    def rides_from_station(self, station_id, sort, limit):
        order_column = STATION_RIDE_SORTS.get(sort, "started_at")
        sql = (
            f"SELECT {RIDE_COLUMNS} FROM {RIDE_FACTS} "
            f"WHERE start_station_id = %s ORDER BY {order_column} DESC LIMIT %s"
        )
        with self._cursor() as cur:
            cur.execute(sql, (station_id, limit))
            return cur.fetchall()

    def top_rides(self, order_by, limit):
        sql = f"SELECT {RIDE_COLUMNS} FROM {RIDE_FACTS} ORDER BY {order_by} DESC LIMIT %s"
        with self._cursor() as cur:
            cur.execute(sql, (limit,))
            return cur.fetchall()

    def usage_by_city(self, city, since):
        sql = (
            "SELECT s.station_id, s.name, COUNT(*) AS rides, SUM(r.fare_cents) AS revenue_cents "
            "FROM ride_facts r JOIN stations s ON s.station_id = r.start_station_id "
            "WHERE s.city = '%s' AND r.started_at >= '%s' "
            "GROUP BY s.station_id, s.name ORDER BY rides DESC" % (city, since)
        )
        with self._cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()

    def insert_ride(self, ride):
        with self._cursor() as cur:
            cur.execute(
                f"INSERT INTO {RIDE_FACTS} ({RIDE_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON DUPLICATE KEY UPDATE end_station_id = VALUES(end_station_id), "
                "duration_s = VALUES(duration_s), fare_cents = VALUES(fare_cents)",
                (
                    ride["ride_id"],
                    ride["rider_id"],
                    ride["start_station_id"],
                    ride.get("end_station_id"),
                    ride["started_at"],
                    ride.get("duration_s"),
                    ride.get("fare_cents"),
                ),
            )

    def record_partner_event(self, partner, kind, station_id, payload):
        with self._cursor() as cur:
            cur.execute(
                "INSERT INTO partner_events (partner, kind, station_id, payload, received_at) "
                f"VALUES ('{partner}', '{kind}', '{station_id}', %s, NOW())",
                (payload,),
            )

    def rollup_day(self, day):
        with self._cursor() as cur:
            cur.execute(
                "REPLACE INTO daily_station_usage (day, station_id, rides, revenue_cents) "
                "SELECT DATE(started_at), start_station_id, COUNT(*), COALESCE(SUM(fare_cents), 0) "
                "FROM ride_facts WHERE DATE(started_at) = %s GROUP BY DATE(started_at), start_station_id",
                (day,),
            )
            return cur.rowcount


class ReportService:
    def __init__(self, repo=None):
        self.repo = repo or ReportRepository()

    def top_rides(self, order_by="fare_cents", limit=50):
        limit = max(1, min(int(limit), MAX_ROWS))
        return self.repo.top_rides(order_by, limit)

    def usage_by_city(self, city, since=None):
        since = since or (dt.date.today() - dt.timedelta(days=30)).isoformat()
        return self.repo.usage_by_city(city, since)

    def station_rides(self, station_id, sort="recent", limit=100):
        return self.repo.rides_from_station(station_id, sort, max(1, min(int(limit), MAX_ROWS)))

    def rollup_previous_day(self):
        yesterday = dt.date.today() - dt.timedelta(days=1)
        return self.repo.rollup_day(yesterday.isoformat())
