from docsign.repositories.audit import AuditRepository
from docsign.repositories.documents import DocumentRepository, SignerRepository
from docsign.repositories.users import (
    ApiClientRepository,
    PasswordResetRepository,
    PendingSignupRepository,
    UserRepository,
)

__all__ = [
    "ApiClientRepository",
    "AuditRepository",
    "DocumentRepository",
    "PasswordResetRepository",
    "PendingSignupRepository",
    "SignerRepository",
    "UserRepository",
]
