from decimal import Decimal

from catalog.models import Book

CART_SESSION_KEY = "cart"
GIFT_CARD_SESSION_KEY = "gift_card_id"


class Cart:
    """A basket kept in the session: {book_id: {"quantity": n, "price": "12.99"}}."""

    def __init__(self, request):
        self.session = request.session
        self.items = self.session.setdefault(CART_SESSION_KEY, {})

    def add(self, book, quantity=1, replace=False):
        key = str(book.pk)
        line = self.items.setdefault(key, {"quantity": 0, "price": str(book.price)})
        line["quantity"] = quantity if replace else line["quantity"] + quantity
        line["quantity"] = max(0, min(line["quantity"], book.stock))
        if line["quantity"] == 0:
            del self.items[key]
        self.save()

    def remove(self, book_id):
        self.items.pop(str(book_id), None)
        self.save()

    def clear(self):
        self.session.pop(CART_SESSION_KEY, None)
        self.session.pop(GIFT_CARD_SESSION_KEY, None)
        self.session.modified = True

    def save(self):
        self.session.modified = True

    def lines(self):
        books = Book.objects.in_bulk([int(pk) for pk in self.items])
        for pk, data in self.items.items():
            book = books.get(int(pk))
            if book is None:
                continue
            price = Decimal(data["price"])
            yield {"book": book, "quantity": data["quantity"], "price": price, "total": price * data["quantity"]}

    def __len__(self):
        return sum(line["quantity"] for line in self.items.values())

    @property
    def subtotal(self):
        return sum((Decimal(d["price"]) * d["quantity"] for d in self.items.values()), Decimal("0"))


def cart_context(request):
    """Template context processor: the basket count in the header."""
    if not hasattr(request, "session"):
        return {}
    return {"cart_count": len(Cart(request))}
