from django.conf import settings
from django.contrib.auth import authenticate
from jose import JWTError
from ninja import Router
from ninja.throttling import AnonRateThrottle

from .auth import JWTBearer, StaffBearer
from .models import User
from .schemas import (
    AccessOut,
    ErrorOut,
    RefreshIn,
    StaffIn,
    TokenIn,
    TokenPairOut,
    UserOut,
)
from .services import create_staff_user
from .tokens import decode_refresh_token, issue_access_token, issue_token_pair

router = Router(tags=["auth"])


@router.post("/token", response={200: TokenPairOut, 401: ErrorOut}, auth=None)
def obtain_token(request, payload: TokenIn):
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None or not user.is_active:
        return 401, {"detail": "Invalid username or password"}
    return 200, issue_token_pair(user)


@router.post(
    "/token/refresh",
    response={200: AccessOut, 401: ErrorOut},
    auth=None,
    throttle=[AnonRateThrottle("30/m")],
)
def refresh_token(request, payload: RefreshIn):
    try:
        claims = decode_refresh_token(payload.refresh)
    except JWTError:
        return 401, {"detail": "Invalid refresh token"}
    user = User.objects.filter(pk=claims["sub"], is_active=True).first()
    if user is None:
        return 401, {"detail": "Invalid refresh token"}
    expires_in = int(settings.JWT_ACCESS_TTL.total_seconds())
    return 200, {"access": issue_access_token(user), "expires_in": expires_in}


@router.get("/me", response=UserOut, auth=JWTBearer())
def me(request):
    return request.auth


@router.post("/staff", response={201: UserOut, 409: ErrorOut}, auth=StaffBearer())
def create_staff(request, payload: StaffIn):
    if User.objects.filter(username=payload.username).exists():
        return 409, {"detail": "Username already taken"}
    user = create_staff_user(
        payload.username,
        payload.email,
        payload.password,
        organizer=payload.organizer,
        first_name=payload.first_name,
        last_name=payload.last_name,
    )
    return 201, user
