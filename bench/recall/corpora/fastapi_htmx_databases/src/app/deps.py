from fastapi import Depends, Header, HTTPException, Request, status

import jwt

from app.repositories import users as users_repo
from app.security.jwt_tokens import decode_access_token

SESSION_USER_KEY = "uid"


class LoginRequired(Exception):
    """Raised for HTML routes; turned into a redirect to the login page."""


async def current_user_optional(request: Request) -> dict | None:
    user_id = request.session.get(SESSION_USER_KEY)
    if user_id is None:
        return None
    user = await users_repo.get_by_id(user_id)
    if user is None:
        request.session.clear()
    return user


async def current_user(user: dict | None = Depends(current_user_optional)) -> dict:
    if user is None:
        raise LoginRequired()
    return user


async def admin_user(user: dict = Depends(current_user)) -> dict:
    if not user["is_admin"]:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Administrators only")
    return user


async def staff_user(user: dict = Depends(current_user)) -> dict:
    if not (user["is_staff"] or user["is_admin"]):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Box office staff only")
    return user


async def api_user(authorization: str = Header(default="")) -> dict:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Missing bearer token")
    try:
        claims = decode_access_token(token)
    except jwt.PyJWTError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token") from None
    user = await users_repo.get_by_id(int(claims["sub"]))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Unknown user")
    return user
