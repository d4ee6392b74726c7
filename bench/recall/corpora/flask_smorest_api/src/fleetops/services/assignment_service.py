import random
from collections import Counter

from sqlalchemy import func, select

from ..extensions import db
from ..models import User, WorkOrder
from ..repositories import UserRepository


class AssignmentService:
    """Spreads new work orders across the technicians on shift at a depot."""

    def __init__(self, users: UserRepository | None = None):
        self.users = users or UserRepository()

    def _open_load(self, depot_id: int) -> Counter:
        stmt = (
            select(WorkOrder.assignee_id, func.count())
            .where(WorkOrder.depot_id == depot_id, WorkOrder.status.in_(["open", "in_progress"]))
            .group_by(WorkOrder.assignee_id)
        )
        return Counter(dict(db.session.execute(stmt).all()))

    def pick_technician(self, depot_id: int) -> User | None:
        technicians = self.users.technicians_for_depot(depot_id)
        if not technicians:
            return None
        load = self._open_load(depot_id)
        # Shuffle first so ties are not always broken in favour of the same person.
        random.shuffle(technicians)
        return min(technicians, key=lambda tech: load.get(tech.id, 0))
