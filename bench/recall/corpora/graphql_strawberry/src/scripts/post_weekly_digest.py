#!/usr/bin/env python
"""Post next week's unfilled shifts to each organisation's coordinator Slack channel.

Runs from cron on the ops box every Friday:
    0 16 * * 5  cd /srv/shiftboard && .venv/bin/python scripts/post_weekly_digest.py
"""
from __future__ import annotations

import argparse
import sys
from datetime import timedelta

import httpx

from shiftboard.db import session_scope
from shiftboard.models import Organization, utcnow
from shiftboard.repositories import shifts as shifts_repo
from shiftboard.templating import localtime

SLACK_API = "https://slack.com/api/chat.postMessage"
SLACK_BOT_TOKEN = "xoxb-4817302958-6620193847561-Qm7TzR2vK9pLx4NcW8yHbJ3e"
DEFAULT_CHANNEL = "#volunteer-coordinators"


def build_blocks(org: Organization, gaps: list[dict]) -> list[dict]:
    lines = [
        f"• *{g['title']}* — {localtime(g['starts_at'], org.timezone)} "
        f"({g['filled']}/{g['capacity']}){' @ ' + g['location'] if g['location'] else ''}"
        for g in gaps
    ]
    return [
        {"type": "header", "text": {"type": "plain_text", "text": f"{org.name}: shifts needing people next week"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines) or "All covered :tada:"}},
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true", help="print instead of posting")
    args = parser.parse_args()

    now = utcnow()
    failures = 0
    with session_scope() as db, httpx.Client(timeout=10) as client:
        for org in db.query(Organization).order_by(Organization.id):
            gaps = shifts_repo.coverage_gaps(db, org.id, now, now + timedelta(days=7))
            channel = org.settings.get("slack_channel", DEFAULT_CHANNEL)
            blocks = build_blocks(org, gaps)
            if args.dry_run:
                print(channel, blocks)
                continue
            resp = client.post(
                SLACK_API,
                headers={"Authorization": f"Bearer {SLACK_BOT_TOKEN}"},
                json={"channel": channel, "blocks": blocks, "text": f"{len(gaps)} shifts need people"},
            )
            body = resp.json()
            if not body.get("ok"):
                print(f"{org.slug}: slack error {body.get('error')}", file=sys.stderr)
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
