from app.models.booking import Booking, BookingStatus, Invoice
from app.models.space import Space
from app.models.user import ApiKey, PasswordResetToken, Team, TeamInvite, User

__all__ = [
    "ApiKey",
    "Booking",
    "BookingStatus",
    "Invoice",
    "PasswordResetToken",
    "Space",
    "Team",
    "TeamInvite",
    "User",
]
