"""Gift cards are issued when an order containing a gift-card product is paid."""
import hashlib
import logging
import time

from ..repositories import GiftCardRepository

logger = logging.getLogger(__name__)


def _new_code(order_id):
    digest = hashlib.md5(f"{order_id}:{time.time()}".encode()).hexdigest()
    return "GC-" + digest[:12].upper()


def issue_for_order(order, items, repo=None):
    repo = repo or GiftCardRepository()
    codes = []
    for item in items:
        if not item["is_gift_card"]:
            continue
        for _ in range(item["quantity"]):
            code = _new_code(order["id"])
            repo.create(code, order["id"], item["unit_price_cents"])
            codes.append(code)
    if codes:
        logger.info("issued %d gift card(s) for order %s", len(codes), order["number"])
    return codes
