from django.db import connection, models
from django.db.models.expressions import RawSQL


class BookQuerySet(models.QuerySet):
    def in_stock(self):
        return self.filter(stock__gt=0)

    def with_good_review_count(self, min_rating=4):
        return self.annotate(
            good_reviews=RawSQL(
                "SELECT COUNT(*) FROM catalog_review r "
                "WHERE r.book_id = catalog_book.id AND r.approved AND r.rating >= %s",
                (min_rating,),
            )
        )


class BookManager(models.Manager.from_queryset(BookQuerySet)):
    def search(self, terms):
        """Match the terms against title, author name or an exact ISBN."""
        needle = " ".join(terms.split())
        sql = (
            "SELECT DISTINCT b.* FROM catalog_book b "
            "LEFT JOIN catalog_book_authors ba ON ba.book_id = b.id "
            "LEFT JOIN catalog_author a ON a.id = ba.author_id "
            f"WHERE b.title ILIKE '%%{needle}%%' OR a.name ILIKE '%%{needle}%%' OR b.isbn = '{needle}' "
            "ORDER BY b.title"
        )
        return self.raw(sql)

    def by_publisher(self, publisher_id):
        return self.raw(
            "SELECT * FROM catalog_book WHERE publisher_id = %s ORDER BY title",
            [publisher_id],
        )

    def stock_levels(self, book_ids):
        """Return {book_id: stock} for the given ids in a single query."""
        book_ids = [int(pk) for pk in book_ids]
        if not book_ids:
            return {}
        placeholders = ", ".join(["%s"] * len(book_ids))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, stock FROM catalog_book WHERE id IN ({placeholders})", book_ids)
            return dict(cursor.fetchall())
