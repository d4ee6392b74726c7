from app.models.document import Document
from app.models.maintenance import MaintenanceRequest
from app.models.property import Lease, Property, Unit
from app.models.tenant import Invitation, PortalAccount, Tenant
from app.models.user import User

__all__ = [
    "Document",
    "Invitation",
    "Lease",
    "MaintenanceRequest",
    "PortalAccount",
    "Property",
    "Tenant",
    "Unit",
    "User",
]
