"""Bulk import of staff from the HR system's CSV export."""
import csv
import logging
import secrets

from ..repositories import users as user_repo
from ..security.passwords import legacy_hash

log = logging.getLogger(__name__)

REQUIRED = ("email", "full_name", "role", "clinic_id")


def import_csv(fh, default_password):
    created, skipped = 0, 0
    for row in csv.DictReader(fh):
        if any(not row.get(k) for k in REQUIRED):
            skipped += 1
            continue
        if user_repo.get_by_email(row["email"]):
            skipped += 1
            continue
        salt = secrets.token_hex(8)
        password_hash = legacy_hash(row.get("initial_password") or default_password, salt)
        user_repo.create(
            row["email"], row["full_name"], row["role"], int(row["clinic_id"]),
            password_hash, row.get("phone"),
        )
        created += 1
    log.info("staff import finished: %d created, %d skipped", created, skipped)
    return created, skipped
