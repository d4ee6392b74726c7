from typing import Any, Dict, Optional

from bson import ObjectId
from bson.errors import InvalidId
from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer
from jose import JWTError
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.core.config import settings
from app.core.security import ACCESS_TOKEN_TYPE, decode_token
from app.db.mongo import get_database

oauth2_scheme = OAuth2PasswordBearer(tokenUrl=f"{settings.API_PREFIX}/auth/login")
optional_oauth2_scheme = OAuth2PasswordBearer(tokenUrl=f"{settings.API_PREFIX}/auth/login", auto_error=False)

UserDoc = Dict[str, Any]

credentials_exception = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


async def get_db() -> AsyncIOMotorDatabase:
    return get_database()


def to_object_id(value: str) -> ObjectId:
    try:
        return ObjectId(value)
    except (InvalidId, TypeError):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Not found")


async def _user_from_token(token: str, db: AsyncIOMotorDatabase) -> UserDoc:
    try:
        payload = decode_token(token, ACCESS_TOKEN_TYPE)
    except JWTError:
        raise credentials_exception
    try:
        user_id = ObjectId(payload.get("sub"))
    except (InvalidId, TypeError):
        raise credentials_exception
    user = await db.users.find_one({"_id": user_id})
    if user is None or not user.get("is_active", True):
        raise credentials_exception
    if payload.get("iat", 0) < user.get("tokens_valid_after", 0):
        raise credentials_exception
    return user


async def get_current_user(
    token: str = Depends(oauth2_scheme),
    db: AsyncIOMotorDatabase = Depends(get_db),
) -> UserDoc:
    return await _user_from_token(token, db)


async def get_optional_user(
    token: Optional[str] = Depends(optional_oauth2_scheme),
    db: AsyncIOMotorDatabase = Depends(get_db),
) -> Optional[UserDoc]:
    if not token:
        return None
    try:
        return await _user_from_token(token, db)
    except HTTPException:
        return None


async def get_verified_user(user: UserDoc = Depends(get_current_user)) -> UserDoc:
    if not user.get("is_verified"):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Please verify your e-mail address first")
    return user


async def get_moderator(user: UserDoc = Depends(get_current_user)) -> UserDoc:
    if user.get("role") not in ("moderator", "admin"):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Moderator privileges required")
    return user


async def get_current_admin(
    x_admin_token: Optional[str] = Header(default=None),
    token: Optional[str] = Depends(optional_oauth2_scheme),
    db: AsyncIOMotorDatabase = Depends(get_db),
) -> UserDoc:
    # cron jobs and the ops dashboard authenticate with a static token
    if x_admin_token is not None and settings.ADMIN_API_TOKEN:
        if x_admin_token == settings.ADMIN_API_TOKEN:
            return {"_id": None, "email": "ops-token", "role": "admin"}
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Invalid admin token")
    if not token:
        raise credentials_exception
    user = await _user_from_token(token, db)
    if user.get("role") != "admin":
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Admin privileges required")
    return user


async def get_user_from_api_key(
    x_api_key: str = Header(...),
    db: AsyncIOMotorDatabase = Depends(get_db),
) -> UserDoc:
    user = await db.users.find_one({"api_key": x_api_key, "is_active": True})
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid API key")
    return user


async def get_web_user(request: Request, db: AsyncIOMotorDatabase = Depends(get_db)) -> Optional[UserDoc]:
    user_id = request.session.get("user_id")
    if not user_id:
        return None
    try:
        user = await db.users.find_one({"_id": ObjectId(user_id), "is_active": True})
    except InvalidId:
        request.session.clear()
        return None
    if user is None:
        request.session.clear()
    return user
