from .shipment import (
    Carrier,
    Depot,
    Driver,
    SavedFilter,
    Shipment,
    ShipmentEvent,
    WebhookDelivery,
)
from .user import DispatchUser

__all__ = [
    "Carrier",
    "Depot",
    "DispatchUser",
    "Driver",
    "SavedFilter",
    "Shipment",
    "ShipmentEvent",
    "WebhookDelivery",
]
