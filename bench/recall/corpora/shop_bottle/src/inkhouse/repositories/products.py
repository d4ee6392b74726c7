"""Catalogue queries."""
from ..models import Product, Variant, database
from . import fetch_dicts

SORTS = {
    "newest": Product.created_at.desc(),
    "price": Product.base_price.asc(),
    "price_desc": Product.base_price.desc(),
    "name": Product.title.asc(),
}

SEARCH_SQL = """
    SELECT p.*
      FROM products p
     WHERE p.is_active AND {where}
     ORDER BY p.featured DESC, p.title
     LIMIT 40
"""

RELATED_SQL = """
    SELECT p.*
      FROM products p
     WHERE p.category = %s AND p.id <> %s AND p.is_active
     ORDER BY p.featured DESC, random()
     LIMIT %s
"""

INVENTORY_COLUMNS = {
    "title": "p.title",
    "price": "p.base_price",
    "stock": "total_stock",
    "created": "p.created_at",
}


def list_products(category=None, sort="newest", page=1, per_page=24):
    query = Product.select().where(Product.is_active == True)  # noqa: E712
    if category in Product.CATEGORIES:
        query = query.where(Product.category == category)
    return query.order_by(SORTS.get(sort, SORTS["newest"])).paginate(page, per_page)


def featured_products(limit=12):
    return list(
        Product.select()
        .where((Product.is_active == True) & (Product.featured == True))  # noqa: E712
        .limit(limit)
    )


def get_product(slug):
    return Product.get_or_none((Product.slug == slug) & (Product.is_active == True))  # noqa: E712


def search_products(term, category=None):
    term = term.strip()
    if not term:
        return []
    conditions = [f"(p.title ILIKE '%%{term}%%' OR p.description ILIKE '%%{term}%%')"]
    params = []
    if category:
        conditions.append("p.category = %s")
        params.append(category)
    sql = SEARCH_SQL.format(where=" AND ".join(conditions))
    return list(Product.raw(sql, *params))


def suggest_titles(prefix, limit=8):
    return list(
        Product.select(Product.slug, Product.title)
        .where((Product.is_active == True) & (Product.title.startswith(prefix)))  # noqa: E712
        .order_by(Product.title)
        .limit(limit)
    )


def related_products(product, limit=4):
    return list(Product.raw(RELATED_SQL, product.category, product.id, limit))


def variants_for(product):
    return list(product.variants.order_by(Variant.price))


def inventory_overview(sort_key="title", descending=False):
    column = INVENTORY_COLUMNS.get(sort_key, "p.title")
    direction = "DESC" if descending else "ASC"
    sql = (
        "SELECT p.id, p.title, p.slug, p.base_price, p.is_active, "
        "COALESCE(SUM(v.stock), 0) AS total_stock "
        "FROM products p LEFT JOIN variants v ON v.product_id = p.id "
        f"GROUP BY p.id ORDER BY {column} {direction}"
    )
    cursor = database.cursor()
    cursor.execute(sql)
    return fetch_dicts(cursor)
