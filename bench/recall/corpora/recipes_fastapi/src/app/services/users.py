import hashlib
import logging
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Optional
from urllib.parse import urlencode

from bson import ObjectId
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.core.config import settings
from app.core.security import get_password_hash, verify_password
from app.models.user import UserCreate, UserUpdate
from app.utils.strings import random_string

logger = logging.getLogger(__name__)

UserDoc = Dict[str, Any]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def get_user_by_email(db: AsyncIOMotorDatabase, email: str) -> Optional[UserDoc]:
    return await db.users.find_one({"email": normalise_email(email)})


async def get_user_by_id(db: AsyncIOMotorDatabase, user_id: ObjectId) -> Optional[UserDoc]:
    return await db.users.find_one({"_id": user_id})


async def create_user(
    db: AsyncIOMotorDatabase,
    payload: UserCreate,
    role: str = "user",
    is_verified: bool = False,
) -> UserDoc:
    doc = {
        **payload.model_dump(exclude={"password_confirm", "role", "is_verified"}),
        "email": normalise_email(payload.email),
        "hashed_password": get_password_hash(payload.password),
        "role": role,
        "is_active": True,
        "is_verified": is_verified,
        "created_at": _now(),
    }
    result = await db.users.insert_one(doc)
    doc["_id"] = result.inserted_id
    logger.info("created user %s with role %s", result.inserted_id, role)
    return doc


async def authenticate(db: AsyncIOMotorDatabase, email: str, password: str) -> Optional[UserDoc]:
    user = await get_user_by_email(db, email)
    if user is None:
        verify_password(password, None)
        return None
    if not user.get("is_active", True):
        return None
    if not verify_password(password, user.get("hashed_password")):
        return None
    return user


async def update_profile(db: AsyncIOMotorDatabase, user: UserDoc, data: UserUpdate) -> UserDoc:
    fields = data.model_dump(exclude_unset=True)
    if not fields:
        return user
    fields["updated_at"] = _now()
    await db.users.update_one({"_id": user["_id"]}, {"$set": fields})
    return {**user, **fields}


async def set_password(db: AsyncIOMotorDatabase, user_id: ObjectId, new_password: str) -> None:
    now = _now()
    await db.users.update_one(
        {"_id": user_id},
        {
            "$set": {
                "hashed_password": get_password_hash(new_password),
                "password_changed_at": now,
                # invalidates every token issued before the change
                "tokens_valid_after": int(now.timestamp()),
            }
        },
    )


def gravatar_url(email: str, size: int = 96) -> str:
    digest = hashlib.md5(normalise_email(email).encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?" + urlencode({"s": size, "d": "identicon"})


async def create_password_reset(db: AsyncIOMotorDatabase, user: UserDoc) -> str:
    await db.password_resets.update_many({"user_id": user["_id"], "used": False}, {"$set": {"used": True}})
    token = random_string(40)
    await db.password_resets.insert_one(
        {
            "token": token,
            "user_id": user["_id"],
            "used": False,
            "created_at": _now(),
            "expires_at": _now() + timedelta(minutes=settings.PASSWORD_RESET_EXPIRE_MINUTES),
        }
    )
    return token


async def consume_password_reset(db: AsyncIOMotorDatabase, token: str) -> Optional[ObjectId]:
    record = await db.password_resets.find_one_and_update(
        {"token": token, "used": False, "expires_at": {"$gt": _now()}},
        {"$set": {"used": True, "used_at": _now()}},
    )
    if record is None:
        return None
    return record["user_id"]


async def delete_account(db: AsyncIOMotorDatabase, user: UserDoc) -> Dict[str, int]:
    recipes = await db.recipes.delete_many({"author_id": user["_id"]})
    comments = await db.comments.delete_many({"author_id": user["_id"]})
    await db.favourites.delete_many({"user_id": user["_id"]})
    await db.password_resets.delete_many({"user_id": user["_id"]})
    await db.users.delete_one({"_id": user["_id"]})
    return {"recipes": recipes.deleted_count, "comments": comments.deleted_count}


async def public_profile(db: AsyncIOMotorDatabase, user: UserDoc) -> Dict[str, Any]:
    recipe_count = await db.recipes.count_documents({"author_id": user["_id"], "is_public": True})
    return {
        "id": str(user["_id"]),
        "full_name": user.get("full_name"),
        "bio": user.get("bio"),
        "avatar_url": gravatar_url(user["email"]),
        "recipe_count": recipe_count,
    }
