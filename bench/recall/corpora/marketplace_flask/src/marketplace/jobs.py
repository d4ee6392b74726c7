import logging
from datetime import datetime, timedelta, timezone

import stripe
from flask import current_app
from redis import Redis
from rq import Queue
from sqlalchemy import delete, select, text

from .extensions import db
from .models import Device, Order, RefreshToken, SavedSearch, User

log = logging.getLogger(__name__)


def get_queue():
    conn = Redis.from_url(current_app.config["REDIS_URL"])
    return Queue(current_app.config["RQ_QUEUE"], connection=conn)


def enqueue(func_path, *args, **kwargs):
    if current_app.config.get("TESTING"):
        return None
    return get_queue().enqueue(func_path, *args, job_timeout=300, **kwargs)


def _app_context():
    from . import create_app

    return create_app().app_context()


def send_message_notification(recipient_id, sender_id, listing_id, body, conversation_id):
    from .models import Listing
    from .services.mailer import send_new_message_email

    with _app_context():
        recipient = db.session.get(User, recipient_id)
        sender = db.session.get(User, sender_id)
        listing = db.session.get(Listing, listing_id)
        if recipient is None or sender is None or listing is None:
            return
        send_new_message_email(recipient, sender, listing, body, conversation_id)


def run_saved_search_alerts():
    from .services.mailer import send_saved_search_digest

    with _app_context():
        searches = db.session.scalars(select(SavedSearch).where(SavedSearch.active.is_(True))).all()
        for saved in searches:
            stmt = (
                "SELECT id, slug, title, price_cents, currency FROM listings "
                "WHERE status = 'active' AND created_at > :since "
                "AND title ILIKE '%" + saved.query + "%' ORDER BY created_at DESC LIMIT 20"
            )
            rows = db.session.execute(text(stmt), {"since": saved.last_run_at}).mappings().all()
            if rows:
                send_saved_search_digest(saved.user, saved, rows)
            saved.last_run_at = datetime.now(timezone.utc)
        db.session.commit()


def purge_expired_refresh_tokens():
    with _app_context():
        cutoff = datetime.now(timezone.utc)
        result = db.session.execute(
            delete(RefreshToken).where((RefreshToken.expires_at < cutoff) | RefreshToken.revoked.is_(True))
        )
        db.session.commit()
        log.info("purged %d expired refresh tokens", result.rowcount)


def prune_stale_devices(days=180):
    with _app_context():
        cutoff = datetime.now(timezone.utc) - timedelta(days=days)
        result = db.session.execute(delete(Device).where(Device.created_at < cutoff))
        db.session.commit()
        log.info("removed %d stale push tokens", result.rowcount)


def transfer_payout(order_id):
    with _app_context():
        order = db.session.get(Order, order_id)
        if order is None:
            return
        seller = order.listing.seller
        if not seller.stripe_account_id:
            log.warning("seller %s has no connected account, payout for order %s held", seller.id, order.id)
            return
        stripe.api_key = current_app.config["STRIPE_SECRET_KEY"]
        amount = order.listing.price_cents
        stripe.Transfer.create(
            amount=amount,
            currency=order.listing.currency.lower(),
            destination=seller.stripe_account_id,
            metadata={"order_id": order.id},
        )
        log.info("payout for order %s queued (%d cents)", order.id, amount)
