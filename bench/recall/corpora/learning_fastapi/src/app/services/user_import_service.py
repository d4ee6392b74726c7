"""Bulk import of students from CSV exports of other LMSs (Moodle, Canvas)."""
import csv
import hashlib
import io
import os

from app.core.logging import get_logger
from app.models import User
from app.models.user import Role

log = get_logger(__name__)


def _legacy_digest(password: str, salt: str) -> str:
    return hashlib.sha256((salt + password).encode("utf-8")).hexdigest()


def import_students_csv(session, tenant_id: int, payload: bytes) -> int:
    reader = csv.DictReader(io.StringIO(payload.decode("utf-8-sig")))
    created = 0
    for row in reader:
        salt = os.urandom(8).hex()
        user = User(
            tenant_id=tenant_id,
            email=row["email"].strip().lower(),
            full_name=row.get("full_name", "").strip(),
            hashed_password=f"{salt}${_legacy_digest(row['password'], salt)}",
            role=Role.student,
        )
        session.add(user)
        created += 1
    session.commit()
    log.info("students_imported", tenant_id=tenant_id, count=created)
    return created
