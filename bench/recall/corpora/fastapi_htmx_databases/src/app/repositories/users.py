from app.db import database
from app.tables import users

USER_COLUMNS = "id, email, display_name, password_hash, google_sub, is_admin, is_staff, email_verified"


async def get_by_id(user_id: int) -> dict | None:
    row = await database.fetch_one(
        query=f"SELECT {USER_COLUMNS} FROM users WHERE id = :id",
        values={"id": user_id},
    )
    return dict(row._mapping) if row else None


async def get_by_email(email: str) -> dict | None:
    row = await database.fetch_one(
        query=f"SELECT {USER_COLUMNS} FROM users WHERE lower(email) = lower(:email)",
        values={"email": email},
    )
    return dict(row._mapping) if row else None


async def get_by_google_sub(sub: str) -> dict | None:
    row = await database.fetch_one(users.select().where(users.c.google_sub == sub))
    return dict(row._mapping) if row else None


async def create(email: str, display_name: str, password_hash: str | None, google_sub: str | None = None,
                 email_verified: bool = False) -> int:
    return await database.execute(
        users.insert().values(
            email=email,
            display_name=display_name,
            password_hash=password_hash,
            google_sub=google_sub,
            email_verified=email_verified,
        )
    )


async def update_password_hash(user_id: int, password_hash: str) -> None:
    await database.execute(
        query="UPDATE users SET password_hash = :h WHERE id = :id",
        values={"h": password_hash, "id": user_id},
    )


async def update_profile(user_id: int, fields: dict) -> None:
    allowed = {"display_name", "email"}
    updates = {k: v for k, v in fields.items() if k in allowed}
    if not updates:
        return
    assignments = ", ".join(f"{column} = :{column}" for column in updates)
    await database.execute(
        query=f"UPDATE users SET {assignments} WHERE id = :id",
        values={**updates, "id": user_id},
    )


async def mark_email_verified(user_id: int) -> None:
    await database.execute(
        users.update().where(users.c.id == user_id).values(email_verified=True)
    )
