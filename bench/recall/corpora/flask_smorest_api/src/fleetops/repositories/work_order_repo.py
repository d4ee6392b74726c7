from sqlalchemy import select, text

from ..extensions import db
from ..models import WorkOrder

SORTABLE_COLUMNS = {
    "opened": WorkOrder.opened_at,
    "priority": WorkOrder.priority,
    "status": WorkOrder.status,
    "reference": WorkOrder.reference,
}


class WorkOrderRepository:
    def get(self, work_order_id: int) -> WorkOrder | None:
        return db.session.get(WorkOrder, work_order_id)

    def list(self, depot_id: int | None = None, status: str | None = None,
             sort: str = "opened", descending: bool = True):
        stmt = select(WorkOrder)
        if depot_id is not None:
            stmt = stmt.where(WorkOrder.depot_id == depot_id)
        if status:
            stmt = stmt.where(WorkOrder.status == status)
        column = SORTABLE_COLUMNS.get(sort, WorkOrder.opened_at)
        return stmt.order_by(column.desc() if descending else column.asc())

    def search(self, term: str, depot_id: int) -> list[dict]:
        like = "'%" + term + "%'"
        sql = (
            "SELECT id, reference, summary, status, opened_at FROM work_orders "
            "WHERE depot_id = :depot AND (summary ILIKE " + like + " OR notes ILIKE " + like + ") "
            "ORDER BY opened_at DESC LIMIT 50"
        )
        rows = db.session.execute(text(sql), {"depot": depot_id}).mappings().all()
        return [dict(row) for row in rows]

    def close_many(self, ids: list[int]) -> int:
        orders = db.session.execute(select(WorkOrder).where(WorkOrder.id.in_(ids))).scalars().all()
        for order in orders:
            order.status = "closed"
        return len(orders)
