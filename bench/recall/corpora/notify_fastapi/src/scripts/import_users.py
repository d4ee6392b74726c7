"""Import users exported from the legacy notification system.

Usage: python -m scripts.import_users users.csv

The export has the columns ``email,full_name,password`` where ``password`` is
the temporary password support handed out during the migration.
"""
import asyncio
import csv
import hashlib
import os
import sys

from sqlalchemy.dialects.postgresql import insert

from app.core.db import SessionLocal
from app.models import User


def _hash_password(password: str, salt: str) -> str:
    return salt + "$" + hashlib.sha256((salt + password).encode("utf-8")).hexdigest()


async def import_file(path: str) -> int:
    created = 0
    async with SessionLocal() as session:
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                salt = os.urandom(8).hex()
                stmt = (
                    insert(User)
                    .values(
                        email=row["email"].strip().lower(),
                        full_name=(row.get("full_name") or "").strip() or None,
                        hashed_password=_hash_password(row["password"], salt),
                        is_active=True,
                    )
                    .on_conflict_do_nothing(index_elements=[User.email])
                )
                result = await session.execute(stmt)
                created += result.rowcount or 0
        await session.commit()
    return created


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m scripts.import_users users.csv")
    count = asyncio.run(import_file(sys.argv[1]))
    print(f"imported {count} users from {sys.argv[1]}")
