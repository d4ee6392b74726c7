from app.models.billing import BillingEvent, Subscription
from app.models.event import Event, EventName
from app.models.project import ApiKey, Invite, Project, ProjectMember, Role
from app.models.user import PasswordReset, User

__all__ = [
    "ApiKey",
    "BillingEvent",
    "Event",
    "EventName",
    "Invite",
    "PasswordReset",
    "Project",
    "ProjectMember",
    "Role",
    "Subscription",
    "User",
]
