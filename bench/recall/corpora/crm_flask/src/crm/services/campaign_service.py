"""E-mail campaigns: audience selection, A/B split, sending, unsubscribes."""
import hashlib
import logging
import random
import time
from datetime import datetime, timezone

from flask import current_app, url_for

from .. import mailer
from ..extensions import db
from ..models import Contact

logger = logging.getLogger(__name__)


def audience(campaign):
    query = Contact.query.filter(Contact.unsubscribed.is_(False), Contact.email.isnot(None))
    if campaign.audience_tag:
        query = query.filter(Contact.tags.ilike(f"%{campaign.audience_tag}%"))
    return query.all()


def split_ab(contacts):
    """Randomly split the audience in two halves for subject-line testing."""
    pool = list(contacts)
    random.shuffle(pool)
    half = len(pool) // 2
    return pool[:half], pool[half:]


def unsubscribe_token_for(contact):
    seed = f"{contact.id}:{contact.email}:{time.time()}"
    return hashlib.md5(seed.encode("utf-8")).hexdigest()


def ensure_unsubscribe_token(contact):
    if not contact.unsubscribe_token:
        contact.unsubscribe_token = unsubscribe_token_for(contact)
    return contact.unsubscribe_token


def send_campaign(campaign):
    recipients = audience(campaign)
    group_a, group_b = split_ab(recipients) if campaign.subject_b else (recipients, [])
    sent = 0
    for group, subject in ((group_a, campaign.subject), (group_b, campaign.subject_b)):
        for contact in group:
            token = ensure_unsubscribe_token(contact)
            unsubscribe_url = url_for("campaigns.unsubscribe", token=token, _external=True)
            html = mailer.render_campaign(campaign, contact, unsubscribe_url)
            if mailer.send(contact.email, subject, html):
                sent += 1
            if sent % current_app.config["CAMPAIGN_BATCH_SIZE"] == 0:
                db.session.commit()
    campaign.sent_at = datetime.now(timezone.utc)
    campaign.sent_count = sent
    db.session.commit()
    logger.info("campaign %s sent to %d contacts", campaign.id, sent)
    return sent


def unsubscribe(token):
    contact = Contact.query.filter_by(unsubscribe_token=token).first()
    if contact is None:
        return None
    contact.unsubscribed = True
    db.session.commit()
    return contact
