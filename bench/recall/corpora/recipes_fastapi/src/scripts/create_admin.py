#!/usr/bin/env python
"""Create an admin account, or promote an existing user to admin.

    python scripts/create_admin.py admin@recipes-app.io --name "Site Admin"
"""
import argparse
import asyncio
import getpass
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from motor.motor_asyncio import AsyncIOMotorClient  # noqa: E402

from app.core.config import settings  # noqa: E402
from app.core.security import get_password_hash  # noqa: E402
from app.db.audit import init_audit_db, record_event  # noqa: E402

MIN_PASSWORD_LENGTH = 12


def prompt_password() -> str:
    while True:
        password = getpass.getpass("Password: ")
        if len(password) < MIN_PASSWORD_LENGTH:
            print(f"Use at least {MIN_PASSWORD_LENGTH} characters.")
            continue
        repeated = getpass.getpass("Repeat password: ")
        if password != repeated:
            print("Passwords do not match, try again.")
            continue
        return password


async def run(email: str, name: str, promote_only: bool) -> int:
    client = AsyncIOMotorClient(settings.MONGODB_URL)
    db = client[settings.MONGODB_DB]
    await init_audit_db()
    email = email.strip().lower()
    try:
        existing = await db.users.find_one({"email": email})
        if existing:
            if existing.get("role") == "admin":
                print(f"{email} is already an admin.")
                return 0
            await db.users.update_one({"_id": existing["_id"]}, {"$set": {"role": "admin"}})
            await record_event("cli.promote_admin", getpass.getuser(), str(existing["_id"]))
            print(f"Promoted {email} to admin.")
            return 0
        if promote_only:
            print(f"No user with e-mail {email}.", file=sys.stderr)
            return 1

        password = prompt_password()
        doc = {
            "email": email,
            "full_name": name,
            "hashed_password": get_password_hash(password),
            "role": "admin",
            "is_active": True,
            "is_verified": True,
            "created_at": datetime.now(timezone.utc),
        }
        result = await db.users.insert_one(doc)
        await record_event("cli.create_admin", getpass.getuser(), str(result.inserted_id))
        print(f"Created admin {email} ({result.inserted_id}).")
        return 0
    finally:
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("email")
    parser.add_argument("--name", default="Administrator")
    parser.add_argument("--promote-only", action="store_true", help="fail instead of creating a new account")
    args = parser.parse_args()
    sys.exit(asyncio.run(run(args.email, args.name, args.promote_only)))


if __name__ == "__main__":
    main()
