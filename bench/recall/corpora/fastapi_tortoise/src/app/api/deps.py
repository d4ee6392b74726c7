from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from loguru import logger

from app.core.logging import mask_secret
from app.core.security import TokenError, decode_access_token
from app.models import Role, User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token")

_unauthorized = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="Could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


async def get_current_user(token: str = Depends(oauth2_scheme)) -> User:
    try:
        claims = decode_access_token(token)
    except TokenError:
        logger.warning("rejected bearer token {}", mask_secret(token))
        raise _unauthorized from None
    user = await User.get_or_none(id=int(claims["sub"]), is_active=True)
    if user is None:
        raise _unauthorized
    return user


def require_role(*roles: Role):
    async def checker(user: User = Depends(get_current_user)) -> User:
        if user.role not in roles:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Not allowed")
        return user

    return checker


current_teacher = require_role(Role.TEACHER, Role.ADMIN)
current_admin = require_role(Role.ADMIN)
