from collections.abc import Callable

import jwt
from fastapi import Cookie, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.core.security import decode_access_token
from app.db.session import get_session
from app.models import PortalAccount, User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token")

_credentials_error = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


async def get_current_user(
    token: str = Depends(oauth2_scheme),
    session: AsyncSession = Depends(get_session),
) -> User:
    try:
        payload = decode_access_token(token)
    except jwt.PyJWTError:
        raise _credentials_error
    user = await session.get(User, int(payload["sub"]))
    if user is None or not user.is_active:
        raise _credentials_error
    return user


def require_role(*roles: str) -> Callable:
    async def checker(user: User = Depends(get_current_user)) -> User:
        if user.role not in roles:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Insufficient role")
        return user

    return checker


async def get_portal_account(
    portal_session: str | None = Cookie(default=None),
    session: AsyncSession = Depends(get_session),
) -> PortalAccount:
    if not portal_session:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/portal/login"})
    try:
        claims = jwt.decode(portal_session, settings.JWT_SECRET_KEY, algorithms=[settings.JWT_ALGORITHM])
    except jwt.PyJWTError:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/portal/login"})
    account = await session.get(PortalAccount, int(claims["sub"]))
    if account is None:
        raise HTTPException(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/portal/login"})
    return account
