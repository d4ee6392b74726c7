#!/usr/bin/env python3
"""Weekly helpdesk report.

Writes an HTML page to REPORT_DIR (served by nginx under /reports/) and mails
a copy to the IT leads. Runs Monday 07:00 from deploy/crontab.

    python scripts/weekly_report.py [--weeks-back N] [--no-mail]
"""
import argparse
import html
import logging
import os
import random
import sqlite3
import statistics
import sys
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from string import Template

from jinja2 import Environment, FileSystemLoader

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import settings  # noqa: E402
from utils import mailer  # noqa: E402

log = logging.getLogger("weekly_report")

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "report_templates")
REPORT_DIR = os.environ.get("REPORT_DIR", "/var/www/helpdesk-reports")

REPORT_COLUMNS = (
    "t.id",
    "t.subject",
    "t.status",
    "t.priority",
    "t.created_at",
    "t.closed_at",
    "a.username AS assignee",
    "r.username AS requester",
)

html_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), trim_blocks=True, lstrip_blocks=True)
text_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=False, keep_trailing_newline=True)

SUMMARY = Template(
    """<table class="summary">
  <tr><th>Period</th><td>$period</td></tr>
  <tr><th>Opened</th><td>$opened</td></tr>
  <tr><th>Closed</th><td>$closed</td></tr>
  <tr><th>Median time to close</th><td>$median</td></tr>
  <tr><th>Busiest requester</th><td>$busiest</td></tr>
</table>"""
)


def connect():
    conn = sqlite3.connect(settings.DATABASE_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def load_tickets(conn, start, end):
    sql = (
        f"SELECT {', '.join(REPORT_COLUMNS)} FROM tickets t "
        "JOIN users r ON r.id = t.requester_id "
        "LEFT JOIN users a ON a.id = t.assignee_id "
        "WHERE (t.created_at >= ? AND t.created_at < ?) OR (t.closed_at >= ? AND t.closed_at < ?) "
        "ORDER BY t.id"
    )
    params = (start.isoformat(), end.isoformat(), start.isoformat(), end.isoformat())
    return [dict(row) for row in conn.execute(sql, params)]


def hours_to_close(ticket):
    if not ticket["closed_at"]:
        return None
    opened = datetime.fromisoformat(ticket["created_at"])
    closed = datetime.fromisoformat(ticket["closed_at"])
    return (closed - opened).total_seconds() / 3600


def qa_sample(tickets, k=5):
    """A few closed tickets for the Monday review meeting."""
    closed = [t for t in tickets if t["status"] == "closed"]
    return random.sample(closed, min(k, len(closed)))


def build_context(tickets, start, end):
    opened = [t for t in tickets if start.isoformat() <= t["created_at"] < end.isoformat()]
    closed = [t for t in tickets if t["closed_at"] and start.isoformat() <= t["closed_at"] < end.isoformat()]
    durations = [h for h in (hours_to_close(t) for t in closed) if h is not None]
    per_agent = defaultdict(list)
    for t in closed:
        per_agent[t["assignee"] or "unassigned"].append(t)
    requesters = Counter(t["requester"] for t in opened)
    busiest = requesters.most_common(1)[0] if requesters else ("-", 0)
    median = statistics.median(durations) if durations else None

    period = f"{start:%d %b} - {(end - timedelta(days=1)):%d %b %Y}"
    summary_html = SUMMARY.substitute(
        period=html.escape(period),
        opened=len(opened),
        closed=len(closed),
        median=f"{median:.1f} h" if median is not None else "n/a",
        busiest=html.escape(f"{busiest[0]} ({busiest[1]})"),
    )
    return {
        "period": period,
        "summary_html": summary_html,
        "opened": opened,
        "closed": closed,
        "per_agent": sorted(per_agent.items(), key=lambda kv: -len(kv[1])),
        "oldest_open": sorted(
            (t for t in tickets if t["status"] in ("open", "pending")), key=lambda t: t["created_at"]
        )[:10],
        "qa_sample": qa_sample(tickets),
        "generated_at": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "helpdesk_url": "https://helpdesk.corp.example.com",
    }


def write_report(context, start):
    os.makedirs(REPORT_DIR, exist_ok=True)
    name = f"weekly-{start:%G-W%V}.html"
    path = os.path.join(REPORT_DIR, name)
    body = html_env.get_template("weekly.html").render(**context)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body)
    latest = os.path.join(REPORT_DIR, "latest.html")
    if os.path.lexists(latest):
        os.remove(latest)
    os.symlink(name, latest)
    return path, body


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks-back", type=int, default=1)
    parser.add_argument("--no-mail", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
    end = today - timedelta(days=today.weekday()) - timedelta(weeks=args.weeks_back - 1)
    start = end - timedelta(days=7)

    with connect() as conn:
        tickets = load_tickets(conn, start, end)
    context = build_context(tickets, start, end)
    path, body_html = write_report(context, start)
    log.info("report for %s written to %s (%d tickets)", context["period"], path, len(tickets))

    if not args.no_mail and settings.REPORT_RECIPIENTS:
        body_text = text_env.get_template("weekly.txt").render(**context)
        mailer.send(settings.REPORT_RECIPIENTS, f"Helpdesk weekly report {context['period']}", body_text, html=body_html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
