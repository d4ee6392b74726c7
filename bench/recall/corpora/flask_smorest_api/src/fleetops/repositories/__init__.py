from .report_repo import ReportRepository
from .user_repo import UserRepository
from .vehicle_repo import VehicleRepository
from .work_order_repo import WorkOrderRepository

__all__ = ["ReportRepository", "UserRepository", "VehicleRepository", "WorkOrderRepository"]
