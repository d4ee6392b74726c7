"""Create a platform superuser, or promote an existing account.

    python -m scripts.create_admin ops@invoicely.io
"""
import argparse
import asyncio
import getpass

from fastapi_users.db import SQLAlchemyUserDatabase
from fastapi_users.exceptions import UserAlreadyExists

from app.db import async_session_maker
from app.models import User
from app.schemas import UserCreate
from app.users.manager import UserManager, password_helper


async def create_admin(email: str, password: str | None) -> None:
    async with async_session_maker() as session:
        user_db = SQLAlchemyUserDatabase(session, User)
        manager = UserManager(user_db, password_helper)
        try:
            if password is None:
                raise UserAlreadyExists()
            user = await manager.create(
                UserCreate(email=email, password=password, is_superuser=True, is_verified=True)
            )
            print(f"Created superuser {user.email}")
        except UserAlreadyExists:
            user = await manager.get_by_email(email)
            await user_db.update(user, {"is_superuser": True})
            print(f"Promoted {user.email} to superuser")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("email")
    parser.add_argument("--promote", action="store_true", help="only promote an existing account")
    args = parser.parse_args()

    password = None
    if not args.promote:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Repeat password: "):
            parser.error("passwords do not match")
    asyncio.run(create_admin(args.email, password))


if __name__ == "__main__":
    main()
