"""Create or promote an administrator.

Usage: python -m scripts.create_admin admin@example.com "Site Admin"
"""
import asyncio
import getpass
import hashlib
import sys

from app.db import database
from app.tables import users


async def main(email: str, display_name: str) -> None:
    password = getpass.getpass("Password for the new admin: ")
    if len(password) < 12:
        sys.exit("Admin passwords must be at least 12 characters.")
    await database.connect()
    try:
        existing = await database.fetch_one(users.select().where(users.c.email == email))
        if existing:
            await database.execute(users.update().where(users.c.id == existing.id).values(is_admin=True))
            print(f"Promoted {email} to admin.")
            return
        await database.execute(
            users.insert().values(
                email=email,
                display_name=display_name,
                password_hash=hashlib.sha256(password.encode()).hexdigest(),
                is_admin=True,
                email_verified=True,
            )
        )
        print(f"Created admin {email}.")
    finally:
        await database.disconnect()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    asyncio.run(main(sys.argv[1], sys.argv[2]))
