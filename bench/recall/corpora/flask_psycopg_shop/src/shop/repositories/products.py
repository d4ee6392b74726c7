from ..db import get_cursor
from ..db import queries as q
from .base import BaseRepository

SORT_OPTIONS = {
    "newest": "p.created_at DESC",
    "price": "p.price_cents ASC, p.id",
    "price_desc": "p.price_cents DESC, p.id",
    "name": "p.name ASC",
}
DEFAULT_SORT = "newest"


class ProductRepository(BaseRepository):
    def get(self, product_id):
        sql = f"SELECT {q.PRODUCT_COLUMNS} FROM products p JOIN categories c ON c.id = p.category_id WHERE p.id = %s"
        return self._fetchone(sql, (product_id,))

    def get_by_slug(self, slug):
        sql = f"SELECT {q.PRODUCT_COLUMNS} FROM products p JOIN categories c ON c.id = p.category_id WHERE p.slug = %s"
        return self._fetchone(sql, (slug,))

    def get_many(self, product_ids):
        if not product_ids:
            return []
        placeholders = ", ".join(["%s"] * len(product_ids))
        sql = (
            f"SELECT {q.PRODUCT_COLUMNS} FROM products p JOIN categories c ON c.id = p.category_id "
            f"WHERE p.id IN ({placeholders})"
        )
        return self._fetchall(sql, tuple(product_ids))

    def featured(self):
        return self._fetchall(q.PRODUCTS_FEATURED)

    def categories(self):
        return self._fetchall(q.CATEGORIES_ALL)

    def in_category(self, category_slug, sort=DEFAULT_SORT, limit=24, offset=0):
        order_by = SORT_OPTIONS.get(sort, SORT_OPTIONS[DEFAULT_SORT])
        sql = q.PRODUCTS_IN_CATEGORY.format(columns=q.PRODUCT_COLUMNS, order_by=order_by)
        return self._fetchall(sql, (category_slug, limit, offset))

    def search(self, term, limit=50):
        pattern = f"'%%{term}%%'"
        with get_cursor() as cur:
            cur.execute(q.SEARCH_PRODUCTS.format(columns=q.PRODUCT_COLUMNS, pattern=pattern), (limit,))
            return cur.fetchall()

    def decrement_stock(self, product_id, quantity):
        return self._execute(q.PRODUCT_DECREMENT_STOCK, (quantity, product_id, quantity))

    def set_stock_by_sku(self, sku, stock):
        return self._execute(q.PRODUCT_SET_STOCK, (stock, sku))
