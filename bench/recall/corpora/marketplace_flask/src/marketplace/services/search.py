from sqlalchemy import bindparam, text

from ..extensions import cache, db

LISTING_COLUMNS = (
    "l.id, l.slug, l.title, l.price_cents, l.currency, l.condition, l.image_path, "
    "l.created_at, u.username AS seller_name, c.name AS category_name"
)

SORT_OPTIONS = {
    "newest": "l.created_at DESC",
    "oldest": "l.created_at ASC",
    "price_asc": "l.price_cents ASC",
    "price_desc": "l.price_cents DESC",
    "popular": "l.views DESC",
}


def search_listings(term=None, category_id=None, min_price=None, max_price=None, limit=24, offset=0):
    clauses = ["l.status = 'active'"]
    params = {"limit": limit, "offset": offset}

    if term:
        clauses.append(f"(l.title ILIKE '%{term}%' OR l.description ILIKE '%{term}%')")
    if category_id:
        clauses.append("l.category_id = :category_id")
        params["category_id"] = category_id
    if min_price is not None:
        clauses.append("l.price_cents >= :min_price")
        params["min_price"] = int(min_price * 100)
    if max_price is not None:
        clauses.append("l.price_cents <= :max_price")
        params["max_price"] = int(max_price * 100)

    sql = (
        f"SELECT {LISTING_COLUMNS} FROM listings l "
        "JOIN users u ON u.id = l.seller_id "
        "LEFT JOIN categories c ON c.id = l.category_id "
        f"WHERE {' AND '.join(clauses)} "
        "ORDER BY l.featured DESC, l.created_at DESC LIMIT :limit OFFSET :offset"
    )
    return db.session.execute(text(sql), params).mappings().all()


def seller_listings(seller_id, sort="newest", include_sold=False):
    order_by = SORT_OPTIONS.get(sort, SORT_OPTIONS["newest"])
    statuses = ("active", "reserved", "sold") if include_sold else ("active", "reserved")
    stmt = text(
        f"SELECT {LISTING_COLUMNS}, l.status FROM listings l "
        "JOIN users u ON u.id = l.seller_id "
        "LEFT JOIN categories c ON c.id = l.category_id "
        "WHERE l.seller_id = :seller_id AND l.status IN :statuses "
        f"ORDER BY {order_by}"
    ).bindparams(bindparam("statuses", expanding=True))
    return db.session.execute(stmt, {"seller_id": seller_id, "statuses": statuses}).mappings().all()


@cache.memoize(timeout=600)
def category_counts():
    rows = db.session.execute(
        text(
            "SELECT c.id, c.slug, c.name, count(l.id) AS n FROM categories c "
            "LEFT JOIN listings l ON l.category_id = c.id AND l.status = 'active' "
            "GROUP BY c.id, c.slug, c.name ORDER BY c.position"
        )
    )
    return [dict(r._mapping) for r in rows]
