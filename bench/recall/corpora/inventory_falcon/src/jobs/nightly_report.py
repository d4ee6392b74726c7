#!/usr/bin/env python
"""Nightly stock report.

Summarises yesterday's movements and the low-stock list, writes a CSV
snapshot to REPORT_DIR, e-mails the HTML summary to REPORT_RECIPIENTS and
posts a short note with a download link to the ops Slack channel.

Scheduled from cron in the web image:

    15 2 * * *  cd /app && python jobs/nightly_report.py
"""

import argparse
import csv
import hashlib
import logging
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import jwt
import requests
from jinja2 import Environment, FileSystemLoader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stockroom import settings  # noqa: E402
from stockroom.repositories.reports import ReportRepository  # noqa: E402
from stockroom.services import mailer  # noqa: E402

log = logging.getLogger("jobs.nightly_report")

SLACK_API_URL = "https://slack.com/api/chat.postMessage"
SLACK_CHANNEL = "#warehouse-ops"
SLACK_BOT_TOKEN = "xoxb-4417982035-6120933584117-Wq7vKz3mTn9pLs2XyB4cD8eF"

LINK_TTL = timedelta(days=7)

_env = Environment(loader=FileSystemLoader(settings.BASE_DIR / "templates" / "email"))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", type=date.fromisoformat, help="report day (default: yesterday)")
    parser.add_argument("--force", action="store_true", help="send even if already sent for this day")
    parser.add_argument("--no-slack", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def _sent_marker(day: date, recipients: list[str]) -> Path:
    key = hashlib.sha1(f"{day.isoformat()}|{','.join(sorted(recipients))}".encode("utf-8")).hexdigest()
    return settings.REPORT_DIR / ".sent" / key


def _download_link(filename: str) -> str:
    now = datetime.now(timezone.utc)
    claims = {"aud": "report-download", "sub": filename, "iat": now, "exp": now + LINK_TTL}
    token = jwt.encode(claims, settings.JWT_SECRET, algorithm="HS256")
    return f"{settings.PUBLIC_URL}/api/v1/reports/{filename}?token={token}"


def write_csv(day: date, rows: list[dict]) -> Path:
    settings.REPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = settings.REPORT_DIR / f"low-stock-{day.isoformat()}.csv"
    fields = ["warehouse", "sku", "name", "bin", "quantity", "reorder_level", "shortfall"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def render_html(**context) -> str:
    return _env.get_template("nightly_report.html").render(**context)


def render_text(day: date, summary: list[dict], low_stock: list[dict], link: str) -> str:
    lines = [f"Stock report for {day}", ""]
    for row in summary:
        lines.append(f"  {row['warehouse']:<6} {row['kind']:<9} {row['lines']:>6} lines {row['units']:>8} units")
    lines += ["", f"{len(low_stock)} SKUs are below their reorder level.", f"Full list: {link}"]
    return "\n".join(lines) + "\n"


def post_to_slack(text: str) -> None:
    resp = requests.post(
        SLACK_API_URL,
        headers={"Authorization": f"Bearer {SLACK_BOT_TOKEN}"},
        json={"channel": SLACK_CHANNEL, "text": text, "unfurl_links": False},
        timeout=10,
    )
    resp.raise_for_status()
    body = resp.json()
    if not body.get("ok"):
        log.warning("slack rejected the message: %s", body.get("error"))


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    day = args.date or (date.today() - timedelta(days=1))
    recipients = settings.REPORT_RECIPIENTS
    if not recipients:
        log.error("REPORT_RECIPIENTS is empty, nothing to do")
        return 1

    marker = _sent_marker(day, recipients)
    if marker.exists() and not args.force:
        log.info("report for %s already sent, use --force to resend", day)
        return 0

    repo = ReportRepository()
    summary = repo.daily_movements(day)
    low_stock = repo.low_stock()
    counts = repo.table_counts()

    path = write_csv(day, low_stock)
    link = _download_link(path.name)
    html = render_html(
        day=day,
        summary=summary,
        low_stock=low_stock,
        link=link,
        counts=counts,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )
    text = render_text(day, summary, low_stock, link)

    for rcpt in recipients:
        mailer.send_html(rcpt, f"Stock report {day}", html, text_fallback=text)
    log.info("report for %s mailed to %d recipients", day, len(recipients))

    if not args.no_slack:
        try:
            post_to_slack(f"Nightly stock report for {day}: {len(low_stock)} SKUs below reorder level. <{link}|CSV>")
        except requests.RequestException as exc:
            log.warning("could not post to slack: %s", exc)

    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
