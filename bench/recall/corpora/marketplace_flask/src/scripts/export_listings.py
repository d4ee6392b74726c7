"""Nightly CSV export for the partner feed (Kleinanzeigen, Google Shopping)."""
import csv
import sys
from datetime import date

from sqlalchemy import text

from marketplace import create_app
from marketplace.extensions import db

EXPORT_COLUMNS = ("id", "slug", "title", "price_cents", "currency", "condition", "created_at")
FEEDS = {
    "all": "l.status = 'active'",
    "featured": "l.status = 'active' AND l.featured",
}


def export(path, feed="all", category_slug=None):
    where = FEEDS[feed]
    params = {}
    if category_slug:
        where += " AND c.slug = :category"
        params["category"] = category_slug
    columns = ", ".join(f"l.{c}" for c in EXPORT_COLUMNS)
    stmt = text(
        f"SELECT {columns} FROM listings l LEFT JOIN categories c ON c.id = l.category_id "
        f"WHERE {where} ORDER BY l.id"
    )
    rows = db.session.execute(stmt, params)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_COLUMNS)
        count = 0
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def main(argv):
    feed = argv[1] if len(argv) > 1 else "all"
    if feed not in FEEDS:
        print(f"unknown feed {feed!r}; choose from {', '.join(FEEDS)}")
        return 2
    category = argv[2] if len(argv) > 2 else None
    app = create_app()
    with app.app_context():
        path = f"export-{feed}-{date.today().isoformat()}.csv"
        n = export(path, feed, category)
    print(f"wrote {n} rows to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
