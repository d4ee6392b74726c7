"""Admin dashboard configuration."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

DEBUG = True

# Nightly read-only snapshot of the reporting tables, produced by the ETL job.
REPORTING_DB = os.environ.get("ADMIN_REPORTING_DB", "/var/lib/helpdesk/reporting.sqlite3")

SESSION_SECRET = bytes.fromhex(os.environ["ADMIN_SESSION_SECRET"])
CSRF_SECRET = os.environ["ADMIN_CSRF_SECRET"]

# Header set by oauth2-proxy after Google Workspace sign-in.
IDENTITY_HEADER = "X-Forwarded-Email"
ADMIN_EMAILS = frozenset(
    e.strip().lower() for e in os.environ.get("ADMIN_EMAILS", "").split(",") if e.strip()
)
