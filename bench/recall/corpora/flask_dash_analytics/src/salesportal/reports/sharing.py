"""Password-protected share links for saved reports."""
import hashlib
import hmac
import secrets
from datetime import timedelta

from ..extensions import db
from ..models import ReportShare, utcnow


def _digest(password):
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def create_share(report, created_by, password=None, days=7):
    share = ReportShare(
        report=report,
        slug=secrets.token_urlsafe(24),
        password_hash=_digest(password) if password else None,
        created_by_id=created_by.id,
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(share)
    db.session.commit()
    return share


def find_share(slug):
    share = ReportShare.query.filter_by(slug=slug).first()
    if share is None or share.is_expired:
        return None
    return share


def check_share_password(share, password):
    if share.password_hash is None:
        return True
    return hmac.compare_digest(share.password_hash, _digest(password or ""))
