"""Create a back-office staff account, or reset its password.

    python scripts/create_staff.py alice
"""

import argparse
import asyncio
import getpass
import sys

from sqlalchemy import select

from devportal.db import SessionLocal, engine
from devportal.models import StaffUser
from devportal.security.passwords import hash_password

MIN_LENGTH = 14


async def save_staff(username: str, password: str) -> bool:
    password_hash, salt = hash_password(password)
    async with SessionLocal() as session:
        staff = await session.scalar(select(StaffUser).where(StaffUser.username == username))
        created = staff is None
        if staff is None:
            staff = StaffUser(username=username)
            session.add(staff)
        staff.password_hash = password_hash
        staff.password_salt = salt
        await session.commit()
    await engine.dispose()
    return created


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("username")
    args = parser.parse_args()

    password = getpass.getpass("New password: ")
    if len(password) < MIN_LENGTH:
        sys.exit(f"Passwords must be at least {MIN_LENGTH} characters.")
    if password != getpass.getpass("Repeat password: "):
        sys.exit("The passwords do not match.")

    created = asyncio.run(save_staff(args.username, password))
    print(f"{'Created' if created else 'Updated'} staff account {args.username!r}.")


if __name__ == "__main__":
    main()
