from ..db import queries as q
from .base import BaseRepository


class GiftCardRepository(BaseRepository):
    def create(self, code, order_id, balance_cents):
        self._execute(q.GIFT_CARD_INSERT, (code, order_id, balance_cents))

    def get_active(self, code):
        return self._fetchone(q.GIFT_CARD_BY_CODE, (code.strip().upper(),))
