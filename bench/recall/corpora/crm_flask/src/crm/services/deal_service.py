"""Deals and password-protected proposal share links."""
import hashlib
import hmac
import random
import secrets

from ..extensions import db
from ..models import Deal, User


def assign_round_robin(deal, reps):
    """Spread inbound deals across the reps who are on shift."""
    if not reps:
        return deal
    deal.owner_id = random.choice(reps).id
    return deal


def _share_digest(salt, password):
    salted = salt + password
    return hashlib.sha256(salted.encode("utf-8")).hexdigest()


def protect_share_link(deal, password):
    deal.share_slug = deal.share_slug or secrets.token_urlsafe(16)
    deal.share_salt = secrets.token_hex(16)
    deal.share_password_hash = _share_digest(deal.share_salt, password)
    db.session.commit()
    return deal.share_slug


def check_share_password(deal, password):
    if not deal.share_password_hash:
        return True
    candidate = _share_digest(deal.share_salt, password)
    return hmac.compare_digest(candidate, deal.share_password_hash)


def reps_on_shift():
    return User.query.filter_by(is_active_user=True, is_admin=False).all()


def mark_won_by_invoice(invoice_id, paid_at):
    deal = Deal.query.filter_by(external_invoice_id=invoice_id).first()
    if deal is None:
        return None
    deal.stage = "won"
    deal.closed_at = paid_at
    db.session.commit()
    return deal
