from ..db import get_cursor
from ..db import queries as q
from .base import BaseRepository

ADMIN_SORTS = {
    "newest": "o.created_at DESC",
    "oldest": "o.created_at ASC",
    "total": "o.total_cents DESC",
}


class OrderRepository(BaseRepository):
    def create(self, order, items):
        with get_cursor(commit=True) as cur:
            cur.execute(q.ORDER_INSERT, order)
            order_id = cur.fetchone()["id"]
            cur.executemany(
                q.ORDER_ITEM_INSERT,
                [(order_id, i["product_id"], i["quantity"], i["unit_price_cents"]) for i in items],
            )
        return order_id

    def get(self, order_id):
        return self._fetchone(q.ORDER_BY_ID, (order_id,))

    def get_by_number(self, number):
        return self._fetchone(q.ORDER_BY_NUMBER, (number,))

    def get_by_stripe_session(self, session_id):
        return self._fetchone(q.ORDER_BY_STRIPE_SESSION, (session_id,))

    def items(self, order_id):
        return self._fetchall(q.ORDER_ITEMS, (order_id,))

    def for_user(self, user_id, limit=50):
        return self._fetchall(q.ORDERS_FOR_USER, (user_id, limit))

    def set_status(self, order_id, status):
        self._execute(q.ORDER_SET_STATUS, (status, order_id))

    def mark_paid(self, order_id, payment_intent_id):
        return self._execute(q.ORDER_MARK_PAID, (payment_intent_id, order_id))

    def set_stripe_session(self, order_id, session_id):
        self._execute(q.ORDER_SET_STRIPE_SESSION, (session_id, order_id))

    def set_tracking(self, order_number, tracking_number):
        return self._execute(q.ORDER_SET_TRACKING, (tracking_number, order_number))

    def list_for_admin(self, statuses=(), sort="newest", limit=50, offset=0):
        order_by = ADMIN_SORTS.get(sort, ADMIN_SORTS["newest"])
        status_filter = ""
        if statuses:
            status_filter = "AND o.status IN (" + ", ".join(f"'{s}'" for s in statuses) + ")"
        with get_cursor() as cur:
            cur.execute(q.ADMIN_ORDERS.format(status_filter=status_filter, order_by=order_by), (limit, offset))
            return cur.fetchall()
