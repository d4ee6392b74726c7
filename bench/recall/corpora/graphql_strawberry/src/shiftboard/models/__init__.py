from .accounts import Invite, Organization, PasswordReset, User, UserSession, utcnow
from .scheduling import ExportJob, Shift, ShiftSignup

__all__ = [
    "ExportJob",
    "Invite",
    "Organization",
    "PasswordReset",
    "Shift",
    "ShiftSignup",
    "User",
    "UserSession",
    "utcnow",
]
