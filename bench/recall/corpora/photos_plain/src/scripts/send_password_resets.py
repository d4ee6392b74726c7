#!/usr/bin/env python3
"""Deliver queued mail (password resets, confirmations, temp passwords).

cron: * * * * *  photos  /srv/photos/venv/bin/python /srv/photos/scripts/send_password_resets.py
"""
import argparse
import json
import logging
import os
import smtplib
import sqlite3
import ssl
import sys
from email.message import EmailMessage
from email.utils import make_msgid

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

DATABASE = os.environ.get("DATABASE_PATH", "/var/lib/photos/photos.sqlite3")
SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.mailgun.org")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USER = os.environ.get("SMTP_USER", "")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
MAIL_FROM = os.environ.get("MAIL_FROM", "Photos <noreply@photos.example.org>")
MAX_ATTEMPTS = 5

SUBJECTS = {
    "password_reset": "Reset your Photos password",
    "temp_password": "Your temporary Photos password",
    "verify_email": "Confirm your e-mail address",
    "welcome": "Welcome to Photos",
}

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mail_templates")

env = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

log = logging.getLogger("photos.mailer")


def mask(addr):
    local, _, domain = addr.partition("@")
    return "%s***@%s" % (local[:1], domain)


def build_message(row):
    payload = json.loads(row["payload"])
    template = row["template"]
    msg = EmailMessage()
    msg["From"] = MAIL_FROM
    msg["To"] = row["to_addr"]
    msg["Subject"] = SUBJECTS[template]
    msg["Message-ID"] = make_msgid(domain="photos.example.org")
    msg.set_content(env.get_template(template + ".txt").render(**payload))
    msg.add_alternative(env.get_template(template + ".html").render(**payload), subtype="html")
    return msg


def pending(conn, limit):
    return conn.execute(
        "SELECT id, to_addr, template, payload, attempts FROM mail_queue "
        "WHERE sent_at IS NULL AND attempts < ? ORDER BY id LIMIT ?",
        (MAX_ATTEMPTS, limit),
    ).fetchall()


def open_smtp():
    ctx = ssl.create_default_context()
    smtp = smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=30)
    smtp.starttls(context=ctx)
    if SMTP_USER:
        smtp.login(SMTP_USER, SMTP_PASSWORD)
    return smtp


def deliver(conn, rows, dry_run=False):
    sent = failed = 0
    smtp = None if dry_run else open_smtp()
    try:
        for row in rows:
            try:
                msg = build_message(row)
                if dry_run:
                    log.info("dry run: would send %s to %s", row["template"], mask(row["to_addr"]))
                    continue
                smtp.send_message(msg)
            except (smtplib.SMTPException, OSError, KeyError) as exc:
                failed += 1
                log.warning("mail #%s to %s failed: %s", row["id"], mask(row["to_addr"]), exc)
                with conn:
                    conn.execute(
                        "UPDATE mail_queue SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                        (str(exc)[:500], row["id"]),
                    )
                continue
            sent += 1
            with conn:
                conn.execute("UPDATE mail_queue SET sent_at = CURRENT_TIMESTAMP WHERE id = ?", (row["id"],))
            log.info("sent %s mail #%s to %s", row["template"], row["id"], mask(row["to_addr"]))
    finally:
        if smtp is not None:
            smtp.quit()
    return sent, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description="Send queued mail")
    parser.add_argument("--db", default=DATABASE)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    conn = sqlite3.connect(args.db, timeout=30)
    conn.row_factory = sqlite3.Row
    rows = pending(conn, args.limit)
    if not rows:
        return 0
    sent, failed = deliver(conn, rows, dry_run=args.dry_run)
    log.info("mail run finished: %d sent, %d failed", sent, failed)
    conn.close()
    return 1 if failed and not sent else 0


if __name__ == "__main__":
    sys.exit(main())
