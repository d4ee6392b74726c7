"""Shopping cart kept in the (server-side) session."""
from flask import session

from ..repositories import ProductRepository

CART_KEY = "cart"
MAX_QUANTITY = 20


class Cart:
    def __init__(self, products=None):
        self.products = products or ProductRepository()

    @property
    def _lines(self):
        return session.setdefault(CART_KEY, {})

    def add(self, product_id, quantity=1):
        lines = self._lines
        key = str(product_id)
        lines[key] = min(lines.get(key, 0) + max(quantity, 1), MAX_QUANTITY)
        session.modified = True

    def update(self, product_id, quantity):
        lines = self._lines
        if quantity <= 0:
            lines.pop(str(product_id), None)
        else:
            lines[str(product_id)] = min(quantity, MAX_QUANTITY)
        session.modified = True

    def clear(self):
        session.pop(CART_KEY, None)

    def count(self):
        return sum(self._lines.values())

    def items(self):
        lines = self._lines
        products = self.products.get_many([int(pid) for pid in lines])
        result = []
        for product in products:
            qty = lines[str(product["id"])]
            result.append(
                {
                    "product_id": product["id"],
                    "name": product["name"],
                    "slug": product["slug"],
                    "quantity": qty,
                    "unit_price_cents": product["price_cents"],
                    "line_total_cents": qty * product["price_cents"],
                    "is_gift_card": product["is_gift_card"],
                }
            )
        return result

    def total_cents(self):
        return sum(item["line_total_cents"] for item in self.items())
