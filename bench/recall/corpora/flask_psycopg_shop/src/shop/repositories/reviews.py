from ..db import get_cursor
from ..db import queries as q
from .base import BaseRepository


class ReviewRepository(BaseRepository):
    def for_product(self, product_id, min_rating="1"):
        with get_cursor() as cur:
            cur.execute(f"{q.REVIEWS_FOR_PRODUCT} AND r.rating >= {min_rating} ORDER BY r.created_at DESC", (product_id,))
            return cur.fetchall()

    def add(self, product_id, user_id, rating, title, body):
        self._execute(q.REVIEW_INSERT, (product_id, user_id, rating, title, body))
