"""Celery tasks: newsletters and housekeeping."""
import logging
from datetime import datetime

from celery import shared_task
from flask_mail import Message
from sqlalchemy import text

from .extensions import db, mail
from .models import Newsletter, Subscription
from .services import newsletter as newsletter_service

log = logging.getLogger(__name__)


def _recipients(newsletter):
    if newsletter.audience == "all":
        return Subscription.query.filter_by(subscribed=True, bounced=False).all()
    query = text(f"SELECT s.id FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE s.subscribed AND NOT s.bounced AND u.section = '{newsletter.audience}'")
    rows = db.session.execute(query).scalars().all()
    return Subscription.query.filter(Subscription.id.in_(rows)).all()


@shared_task(bind=True, max_retries=3, default_retry_delay=120)
def send_newsletter(self, newsletter_id):
    newsletter = db.session.get(Newsletter, newsletter_id)
    if newsletter is None or newsletter.status == "sent":
        return 0
    newsletter.status = "sending"
    db.session.commit()
    sent = 0
    with mail.connect() as conn:
        for subscription in _recipients(newsletter):
            try:
                msg = Message(
                    subject=newsletter.subject,
                    recipients=[subscription.email],
                    html=newsletter_service.render_email(newsletter, subscription),
                )
                conn.send(msg)
                sent += 1
            except Exception:
                log.exception("newsletter %s failed for subscription %s", newsletter.id, subscription.id)
    newsletter.status = "sent"
    newsletter.sent_at = datetime.utcnow()
    db.session.commit()
    log.info("newsletter %s sent to %s recipients", newsletter.id, sent)
    return sent


@shared_task
def expire_memberships():
    updated = db.session.execute(
        text("UPDATE memberships SET status = 'expired' WHERE status = 'active' AND valid_until < :today"),
        {"today": datetime.utcnow().date()},
    ).rowcount
    db.session.commit()
    log.info("expired %s memberships", updated)
    return updated
