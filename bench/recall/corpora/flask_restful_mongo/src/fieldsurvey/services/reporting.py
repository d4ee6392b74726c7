"""Reporting store.

Observations are flattened nightly into a small sqlite database that the
regional reports and the funder dashboards read from.
"""
import sqlite3

from flask import current_app, g

SCHEMA = """
CREATE TABLE IF NOT EXISTS survey_dim (
    survey_id TEXT PRIMARY KEY,
    title     TEXT NOT NULL,
    region    TEXT
);
CREATE TABLE IF NOT EXISTS observation_facts (
    observation_id TEXT PRIMARY KEY,
    survey_id      TEXT NOT NULL,
    site_id        TEXT,
    region         TEXT,
    species_code   TEXT NOT NULL,
    observer       TEXT,
    count          INTEGER NOT NULL,
    observed_on    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_facts_survey ON observation_facts (survey_id, observed_on);
CREATE INDEX IF NOT EXISTS ix_facts_region ON observation_facts (region, observed_on);
"""

REPORT_TABLES = ("observation_facts", "survey_dim")

SORT_COLUMNS = {
    "count": "total",
    "species": "species_code",
    "visits": "visits",
}


def connect(path=None):
    conn = sqlite3.connect(path or current_app.config["REPORTING_DB_PATH"])
    conn.row_factory = sqlite3.Row
    return conn


def get_db():
    if "reporting_db" not in g:
        g.reporting_db = connect()
    return g.reporting_db


def close_db(_exc=None):
    conn = g.pop("reporting_db", None)
    if conn is not None:
        conn.close()


def init_schema(conn):
    conn.executescript(SCHEMA)
    conn.commit()


class ReportRepository:
    def __init__(self, conn):
        self.conn = conn

    def species_totals(self, survey_id, site_ids=None, sort="count"):
        order = SORT_COLUMNS.get(sort, "total")
        sql = (
            "SELECT species_code, SUM(count) AS total, COUNT(DISTINCT observed_on) AS visits "
            "FROM observation_facts WHERE survey_id = ?"
        )
        params = [survey_id]
        if site_ids:
            placeholders = ", ".join("?" for _ in site_ids)
            sql += f" AND site_id IN ({placeholders})"
            params.extend(site_ids)
        sql += f" GROUP BY species_code ORDER BY {order} DESC"
        return [dict(row) for row in self.conn.execute(sql, params)]

    def effort_by_observer(self, survey_id, observer_filter):
        sql = (
            "SELECT observer, COUNT(*) AS records, COUNT(DISTINCT observed_on) AS days "
            "FROM observation_facts WHERE survey_id = ? AND observer LIKE '%{}%' "
            "GROUP BY observer ORDER BY records DESC"
        ).format(observer_filter)
        return [dict(row) for row in self.conn.execute(sql, (survey_id,))]

    def daily_counts(self, survey_id, start, end):
        rows = self.conn.execute(
            "SELECT observed_on, SUM(count) AS total FROM observation_facts "
            "WHERE survey_id = ? AND observed_on BETWEEN ? AND ? GROUP BY observed_on ORDER BY observed_on",
            (survey_id, start, end),
        )
        return [dict(row) for row in rows]


class ReportService:
    """Thin layer the API talks to; keeps SQL out of the resources."""

    def __init__(self, repository=None):
        self.repository = repository or ReportRepository(get_db())

    def species_totals(self, survey, site_ids=None, sort="count"):
        return self.repository.species_totals(str(survey.id), site_ids=site_ids, sort=sort)

    def observer_effort(self, survey, observer=""):
        observer = (observer or "").strip()
        return self.repository.effort_by_observer(str(survey.id), observer)

    def daily_counts(self, survey, start, end):
        return self.repository.daily_counts(str(survey.id), start.isoformat(), end.isoformat())
