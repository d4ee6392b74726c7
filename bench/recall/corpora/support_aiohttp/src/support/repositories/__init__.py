from .attachments import AttachmentRepository
from .tickets import TicketRepository
from .users import UserRepository

__all__ = ["AttachmentRepository", "TicketRepository", "UserRepository"]
