"""Operator (dispatcher / mechanic) accounts for the back-office console."""
import hashlib
import logging
import secrets
import uuid

from chalicelib import dynamo
from chalicelib.repositories import OperatorRepository

log = logging.getLogger(__name__)

ROLES = ("dispatcher", "mechanic", "admin")


def _digest(password, salt):
    return hashlib.sha256(f"{salt}:{password}".encode("utf-8")).hexdigest()


class OperatorService:
    def __init__(self, repo=None):
        self.repo = repo or OperatorRepository()

    def create(self, email, name, password, role="dispatcher"):
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        salt = secrets.token_hex(16)
        operator = {
            "operator_id": str(uuid.uuid4()),
            "email": email.strip().lower(),
            "name": name,
            "role": role,
            "salt": salt,
            "password_hash": _digest(password, salt),
            "active": True,
            "created_at": dynamo.utcnow_iso(),
        }
        self.repo.put(operator)
        log.info("created %s operator %s", role, operator["operator_id"])
        return operator

    def authenticate(self, email, password):
        operator = self.repo.get_by_email(email)
        if operator is None or not operator.get("active", False):
            return None
        if _digest(password, operator["salt"]) == operator["password_hash"]:
            self.repo.touch_login(operator["operator_id"])
            return operator
        log.info("failed console login for operator %s", operator["operator_id"])
        return None
