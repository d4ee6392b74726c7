from .field import Device, Enumerator
from .survey import ExportJob, Observation, Site, Survey
from .user import RevokedToken, User

__all__ = [
    "Device",
    "Enumerator",
    "ExportJob",
    "Observation",
    "RevokedToken",
    "Site",
    "Survey",
    "User",
]
