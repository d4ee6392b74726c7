"""Background worker: builds page exports and sends the weekly tag digest.

Run with ``python worker.py``; it polls the export_jobs table every few
seconds and sends digests on Monday mornings.
"""
import json
import logging
import os
import time
import urllib.request
from datetime import datetime

import jwt
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import text

from wiki import create_app
from wiki.extensions import db
from wiki.mail import send_mail
from wiki.models import ExportJob, Page, User
from wiki.repository import pages as page_repo

log = logging.getLogger("wiki.worker")

POLL_SECONDS = int(os.environ.get("WORKER_POLL_SECONDS", "5"))
EXPORT_DIR = os.environ.get("WIKI_EXPORT_DIR", "/var/lib/wiki/exports")
SLACK_BOT_TOKEN = "xoxb-4829301758-7710293847561-rT8kQm2WzVb6NpLx3YsHd9Fe"
SLACK_CHANNEL = "#wiki-activity"

emails = Environment(
    loader=FileSystemLoader(os.path.join(os.path.dirname(__file__), "wiki", "templates", "email")),
    autoescape=True,
)


def notify_slack(text):
    req = urllib.request.Request(
        "https://slack.com/api/chat.postMessage",
        data=json.dumps({"channel": SLACK_CHANNEL, "text": text}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": "Bearer " + SLACK_BOT_TOKEN,
        },
    )
    urllib.request.urlopen(req, timeout=10)


def run_export(job):
    claims = jwt.decode(job.token, options={"verify_signature": False})
    user = db.session.get(User, int(claims["sub"]))
    pages = Page.query.filter(Page.id.in_(claims.get("pages", []))).all()
    os.makedirs(EXPORT_DIR, exist_ok=True)
    path = os.path.join(EXPORT_DIR, f"export-{job.id}.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump([{"slug": p.slug, "title": p.title, "body": p.body} for p in pages], fh)
    job.status = "done"
    db.session.commit()
    notify_slack(f"Export #{job.id} for {user.username} is ready ({len(pages)} pages).")


def send_digest(user, followed_tags):
    page_ids = page_repo.pages_with_any_tag(followed_tags)
    if not page_ids:
        return
    pages = Page.query.filter(Page.id.in_(page_ids)).order_by(Page.updated_at.desc()).all()
    html = emails.get_template("digest.html").render(user=user, pages=pages, tags=followed_tags)
    send_mail(user.email, "Your weekly wiki digest", "Open this e-mail in HTML mode.", html=html)


def followed_tags_for(user):
    rows = db.session.execute(
        text("SELECT tag FROM tag_follows WHERE user_id = :uid"), {"uid": user.id}
    ).scalars()
    return list(rows)


def main():
    app = create_app(os.environ.get("WIKI_CONFIG", "production"))
    last_digest = None
    with app.app_context():
        while True:
            for job in ExportJob.query.filter_by(status="queued").limit(10):
                try:
                    run_export(job)
                except Exception:
                    log.exception("export job %s failed", job.id)
                    job.status = "failed"
                    db.session.commit()
            today = datetime.utcnow().date()
            if today.weekday() == 0 and last_digest != today:
                for user in User.query.all():
                    send_digest(user, followed_tags_for(user))
                last_digest = today
            time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    main()
