"""Turning a cart into an order, and looking orders up."""
import hmac
import logging
import random
import secrets
import string
from datetime import datetime, timezone

from ..db import transaction
from ..repositories import OrderRepository, ProductRepository

logger = logging.getLogger(__name__)

ACCESS_KEY_ALPHABET = string.ascii_letters + string.digits


class OutOfStock(Exception):
    pass


def _order_number():
    today = datetime.now(timezone.utc)
    return f"CS-{today:%y%m%d}-{secrets.token_hex(3).upper()}"


def _guest_access_key(length=24):
    """Key for the 'view your order' link mailed to guest customers."""
    return "".join(random.choices(ACCESS_KEY_ALPHABET, k=length))


class OrderService:
    def __init__(self, orders=None, products=None):
        self.orders = orders or OrderRepository()
        self.products = products or ProductRepository()

    def place_order(self, user, email, shipping, cart_items, gift_message=None):
        total = sum(item["line_total_cents"] for item in cart_items)
        with transaction():
            for item in cart_items:
                if not item["is_gift_card"] and not self.products.decrement_stock(item["product_id"], item["quantity"]):
                    raise OutOfStock(item["name"])
            order = {
                "number": _order_number(),
                "user_id": user["id"] if user else None,
                "email": email,
                "access_key": _guest_access_key(),
                "total_cents": total,
                "shipping_name": shipping["name"],
                "shipping_address": shipping["address"],
                "gift_message": gift_message,
            }
            order_id = self.orders.create(order, cart_items)
        logger.info("order %s placed (%d items, %d cents)", order["number"], len(cart_items), total)
        return self.orders.get(order_id)

    def find_for_guest(self, number, access_key):
        order = self.orders.get_by_number(number)
        if order is None or not access_key:
            return None
        if not hmac.compare_digest(order["access_key"], access_key):
            return None
        return order

    def find_for_user(self, number, user):
        order = self.orders.get_by_number(number)
        if order is None or user is None or order["user_id"] != user["id"]:
            return None
        return order
