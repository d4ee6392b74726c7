import logging
from datetime import datetime, timezone

from ..extensions import db
from ..models import User, WorkOrder, WorkOrderEvent
from ..repositories import WorkOrderRepository
from .assignment_service import AssignmentService

logger = logging.getLogger("fleetops.work_orders")


class WorkOrderService:
    def __init__(self, repo: WorkOrderRepository | None = None,
                 assigner: AssignmentService | None = None):
        self.repo = repo or WorkOrderRepository()
        self.assigner = assigner or AssignmentService()

    def open(self, data: dict, reporter: User | None) -> WorkOrder:
        order = WorkOrder(**data)
        order.reported_by_id = reporter.id if reporter else None
        if order.assignee_id is None:
            tech = self.assigner.pick_technician(order.depot_id)
            order.assignee_id = tech.id if tech else None
        db.session.add(order)
        db.session.flush()
        self._record(order, reporter, "opened", order.summary)
        db.session.commit()
        logger.info("Opened work order %s for vehicle %s", order.reference, order.vehicle_id)
        return order

    def update(self, order: WorkOrder, changes: dict, actor: User | None) -> WorkOrder:
        previous_status = order.status
        for field, value in changes.items():
            setattr(order, field, value)
        if changes.get("status") == "closed" and previous_status != "closed":
            order.closed_at = datetime.now(timezone.utc)
        if "status" in changes and changes["status"] != previous_status:
            self._record(order, actor, "status", f"{previous_status} → {order.status}")
        db.session.commit()
        return order

    def bulk_close(self, ids: list[int], actor: User) -> int:
        count = self.repo.close_many(ids)
        db.session.commit()
        logger.info("User %s closed %d work orders", actor.id, count)
        return count

    def _record(self, order: WorkOrder, actor: User | None, kind: str, message: str) -> None:
        db.session.add(
            WorkOrderEvent(
                work_order_id=order.id,
                actor_name=actor.full_name if actor else "system",
                kind=kind,
                message=message,
            )
        )
