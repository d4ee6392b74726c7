"""Small helpers shared across blueprints."""
from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime
from urllib.parse import urljoin, urlparse

from flask import abort, request
from flask_security import current_user

from .extensions import db
from .models import Customer

_REFERENCE_RE = re.compile(r"^[A-Z]{2}-\d{6}$")


def client_ip() -> str | None:
    # ProxyFix has already rewritten remote_addr from X-Forwarded-For
    return request.remote_addr


def current_customer() -> Customer:
    """Customer record for the logged-in user, 404 for staff without one."""
    customer = current_user.customer if current_user.is_authenticated else None
    if customer is None:
        abort(404)
    return customer


def customer_or_staff(customer_id: int) -> None:
    if current_user.is_staff:
        return
    customer = current_user.customer
    if customer is None or customer.id != customer_id:
        abort(404)


def verify_signature(secret: str, payload: bytes, signature: str) -> bool:
    """Check an ``sha256=<hex>`` HMAC header as sent by carrier webhooks."""
    if not secret or not signature.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature.removeprefix("sha256="))


def mask_secret(value: str | None, visible: int = 4) -> str:
    if not value:
        return "<empty>"
    if len(value) <= visible * 2:
        return "*" * len(value)
    return f"{value[:visible]}…{value[-visible:]}"


def is_safe_redirect(target: str | None) -> bool:
    if not target:
        return False
    host_url = urlparse(request.host_url)
    redirect_url = urlparse(urljoin(request.host_url, target))
    return redirect_url.scheme in {"http", "https"} and host_url.netloc == redirect_url.netloc


def next_reference(prefix: str, model) -> str:
    """Sequential human-facing reference such as ``CL-000123``."""
    last = db.session.query(db.func.max(model.id)).scalar() or 0
    return f"{prefix}-{last + 1:06d}"


def parse_iso_date(value: str | None):
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        abort(400, description="Invalid date: expected YYYY-MM-DD")


def valid_reference(value: str) -> bool:
    return bool(_REFERENCE_RE.match(value or ""))
