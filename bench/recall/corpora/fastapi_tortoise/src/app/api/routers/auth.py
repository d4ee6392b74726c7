from fastapi import APIRouter, BackgroundTasks, Depends, status
from fastapi.security import OAuth2PasswordRequestForm
from fastapi_limiter.depends import RateLimiter

from app.core.security import TokenError, create_access_token, decode_magic_link_token
from app.models import User
from app.schemas.auth import (
    ForgotPasswordIn,
    MagicLinkIn,
    RefreshIn,
    RegisterIn,
    ResetPasswordIn,
    TokenPair,
    UserOut,
)
from app.services.accounts import AccountService, InvalidCredentials, accounts

router = APIRouter(prefix="/auth", tags=["auth"])


def get_accounts() -> AccountService:
    return accounts


async def _token_pair(service: AccountService, user: User) -> TokenPair:
    return TokenPair(
        access_token=create_access_token(str(user.id), user.role.value),
        refresh_token=await service.issue_refresh_token(user),
    )


@router.post("/token", response_model=TokenPair, dependencies=[Depends(RateLimiter(times=5, minutes=1))])
async def login(form: OAuth2PasswordRequestForm = Depends(), service: AccountService = Depends(get_accounts)):
    user = await service.authenticate(form.username, form.password)
    return await _token_pair(service, user)


@router.post("/token/refresh", response_model=TokenPair, dependencies=[Depends(RateLimiter(times=20, minutes=1))])
async def refresh(body: RefreshIn, service: AccountService = Depends(get_accounts)):
    user, new_refresh = await service.rotate_refresh_token(body.refresh_token)
    return TokenPair(access_token=create_access_token(str(user.id), user.role.value), refresh_token=new_refresh)


@router.post("/register", response_model=UserOut, status_code=status.HTTP_201_CREATED)
async def register(body: RegisterIn, background: BackgroundTasks, service: AccountService = Depends(get_accounts)):
    user = await service.register(body, background)
    return UserOut.model_validate(user)


@router.post("/password/forgot", status_code=status.HTTP_202_ACCEPTED)
async def forgot_password(body: ForgotPasswordIn, background: BackgroundTasks, service: AccountService = Depends(get_accounts)):
    await service.start_password_reset(body.email, background)
    return {"detail": "If the address is registered, a reset link is on its way."}


@router.post("/password/reset", status_code=status.HTTP_204_NO_CONTENT, dependencies=[Depends(RateLimiter(times=10, minutes=10))])
async def reset_password(body: ResetPasswordIn, service: AccountService = Depends(get_accounts)):
    await service.complete_password_reset(body.token, body.new_password)


@router.post("/magic-link", status_code=status.HTTP_202_ACCEPTED, dependencies=[Depends(RateLimiter(times=3, hours=1))])
async def request_magic_link(body: MagicLinkIn, background: BackgroundTasks, service: AccountService = Depends(get_accounts)):
    await service.send_magic_link(body.email, background)
    return {"detail": "Check your inbox for a sign-in link."}


@router.post("/magic-link/redeem", response_model=TokenPair, dependencies=[Depends(RateLimiter(times=10, minutes=5))])
async def redeem_magic_link(token: str, service: AccountService = Depends(get_accounts)):
    try:
        claims = decode_magic_link_token(token)
    except TokenError as exc:
        raise InvalidCredentials("This sign-in link is invalid") from exc
    user = await User.get(id=int(claims["sub"]), is_active=True)
    return await _token_pair(service, user)
