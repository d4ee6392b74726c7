"""Create or promote a back-office admin.

Usage: python -m scripts.create_admin admin@harbor-pm.example "Jane Doe"
The password is read interactively.
"""
import asyncio
import getpass
import sys

from sqlalchemy import select

from app.core.security import hash_password
from app.db.session import SessionLocal
from app.models import User


async def main(email: str, full_name: str) -> None:
    password = getpass.getpass("Password: ")
    if len(password) < 12:
        sys.exit("Password must be at least 12 characters")
    async with SessionLocal() as session:
        user = (await session.execute(select(User).where(User.email == email.lower()))).scalar_one_or_none()
        if user is None:
            user = User(email=email.lower(), full_name=full_name, hashed_password="")
            session.add(user)
        user.hashed_password = hash_password(password)
        user.role = "admin"
        user.is_active = True
        await session.commit()
    print(f"admin ready: {email}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    asyncio.run(main(sys.argv[1], sys.argv[2]))
