from labtrack.models.base import Base
from labtrack.models.sample import SAMPLE_STATUSES, Sample, SampleEvent
from labtrack.models.user import ALL_ROLES, STAFF_ROLES, ApiKey, Invite, User

__all__ = [
    "ALL_ROLES",
    "ApiKey",
    "Base",
    "Invite",
    "SAMPLE_STATUSES",
    "STAFF_ROLES",
    "Sample",
    "SampleEvent",
    "User",
]
