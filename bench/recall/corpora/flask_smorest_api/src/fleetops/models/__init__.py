from .api_client import ApiClient, Partner
from .user import Invite, User
from .vehicle import Depot, Vehicle
from .work_order import PartUsage, WorkOrder, WorkOrderEvent

__all__ = [
    "ApiClient",
    "Depot",
    "Invite",
    "Partner",
    "PartUsage",
    "User",
    "Vehicle",
    "WorkOrder",
    "WorkOrderEvent",
]
