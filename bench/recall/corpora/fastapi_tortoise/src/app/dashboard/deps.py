from fastapi import HTTPException, Request, status

from app.models import User


class LoginRequired(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/dashboard/login"})


async def current_teacher(request: Request) -> User:
    user_id = request.session.get("user_id")
    if not user_id:
        raise LoginRequired()
    user = await User.get_or_none(id=user_id, is_active=True)
    if user is None or not user.is_teacher:
        request.session.clear()
        raise LoginRequired()
    return user
