"""Shopping cart kept in the Beaker session.

The session stores ``{"items": [{"variant_id": 3, "quantity": 2, "personalisation": "..."}]}``.
Prices are always looked up again from the database.
"""
from decimal import Decimal

from ..models import Variant

MAX_QUANTITY = 250
MAX_LINES = 30


class CartError(ValueError):
    pass


class Cart:
    def __init__(self, session):
        self.session = session
        self.data = session.setdefault("cart", {"items": []})

    @property
    def items(self):
        return self.data["items"]

    def _save(self):
        self.session["cart"] = self.data
        self.session.save()

    def add(self, variant_id, quantity=1, personalisation=None):
        variant = Variant.get_or_none(Variant.id == variant_id)
        if variant is None or not variant.product.is_active:
            raise CartError("That print is no longer available.")
        quantity = max(1, min(int(quantity), MAX_QUANTITY))
        if personalisation and not variant.product.is_personalisable:
            personalisation = None
        for line in self.items:
            if line["variant_id"] == variant.id and line.get("personalisation") == personalisation:
                line["quantity"] = min(line["quantity"] + quantity, MAX_QUANTITY)
                break
        else:
            if len(self.items) >= MAX_LINES:
                raise CartError("Your cart is full.")
            self.items.append({"variant_id": variant.id, "quantity": quantity,
                               "personalisation": personalisation})
        self._save()
        return variant

    def update(self, index, quantity):
        if not 0 <= index < len(self.items):
            raise CartError("Unknown cart line.")
        if quantity <= 0:
            del self.items[index]
        else:
            self.items[index]["quantity"] = min(quantity, MAX_QUANTITY)
        self._save()

    def clear(self):
        self.data = {"items": []}
        self._save()

    def lines(self):
        ids = [line["variant_id"] for line in self.items]
        variants = {v.id: v for v in Variant.select().where(Variant.id.in_(ids))} if ids else {}
        result = []
        for index, line in enumerate(self.items):
            variant = variants.get(line["variant_id"])
            if variant is None:
                continue
            result.append({
                "index": index,
                "variant": variant,
                "product": variant.product,
                "quantity": line["quantity"],
                "personalisation": line.get("personalisation"),
                "line_total": variant.price * line["quantity"],
            })
        return result

    def total(self):
        return sum((line["line_total"] for line in self.lines()), Decimal("0.00"))

    def count(self):
        return sum(line["quantity"] for line in self.items)

    def as_json(self):
        return {
            "count": self.count(),
            "total": str(self.total()),
            "lines": [
                {
                    "index": line["index"],
                    "sku": line["variant"].sku,
                    "title": line["product"].title,
                    "variant": line["variant"].label,
                    "quantity": line["quantity"],
                    "line_total": str(line["line_total"]),
                }
                for line in self.lines()
            ],
        }
