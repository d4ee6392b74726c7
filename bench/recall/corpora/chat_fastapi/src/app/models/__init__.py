from app.models.audit import AuditLog, LoginEvent  # noqa: F401
from app.models.message import Message  # noqa: F401
from app.models.room import Room, RoomInvite, RoomMember  # noqa: F401
from app.models.user import PasswordReset, PendingSignup, RefreshSession, RevokedToken, Role, User  # noqa: F401
