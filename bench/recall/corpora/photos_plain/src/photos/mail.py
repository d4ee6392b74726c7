"""Outgoing mail goes through the mail_queue table.

The web process never talks to SMTP itself: scripts/send_password_resets.py
runs from cron every minute and delivers whatever is queued.
"""
import json
import logging

from flask import current_app, url_for

from . import db

log = logging.getLogger(__name__)

TEMPLATES = ("password_reset", "temp_password", "verify_email", "welcome")


def queue_mail(to_addr, template, **payload):
    if template not in TEMPLATES:
        raise ValueError("unknown mail template %r" % template)
    payload.setdefault("site_url", current_app.config["SITE_URL"])
    mail_id = db.execute(
        "INSERT INTO mail_queue (to_addr, template, payload) VALUES (?, ?, ?)",
        (to_addr, template, json.dumps(payload)),
    )
    log.info("queued %s mail #%s", template, mail_id)
    return mail_id


def queue_password_reset(user, token):
    link = url_for("auth.reset_password", token=token, _external=True)
    return queue_mail(user["email"], "password_reset", username=user["username"], reset_url=link)


def queue_verification(user, token):
    link = url_for("auth.verify_email", token=token, _external=True)
    return queue_mail(user["email"], "verify_email", username=user["username"], verify_url=link)


def queue_temp_password(user, temp_password):
    return queue_mail(
        user["email"],
        "temp_password",
        username=user["username"],
        temp_password=temp_password,
        login_url=url_for("auth.login", _external=True),
    )


def pending_count():
    row = db.query("SELECT COUNT(*) AS n FROM mail_queue WHERE sent_at IS NULL", one=True)
    return row["n"]
