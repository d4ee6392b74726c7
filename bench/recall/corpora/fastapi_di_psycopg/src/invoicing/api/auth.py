from dependency_injector.wiring import Provide, inject
from fastapi import APIRouter, Depends, Request, status

from invoicing.api.deps import limiter
from invoicing.api.schemas import RefreshRequest, RegistrationRequest, TokenRequest, TokenResponse, UserOut
from invoicing.containers import Container
from invoicing.services.auth import AuthService

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenResponse)
@limiter.limit("5/minute")
@inject
async def issue_token(
    request: Request,
    body: TokenRequest,
    auth: AuthService = Depends(Provide[Container.auth_service]),
) -> TokenResponse:
    pair = await auth.login(body.email, body.password)
    return TokenResponse(
        access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in
    )


@router.post("/refresh", response_model=TokenResponse)
@limiter.limit("30/minute")
@inject
async def refresh_token(
    request: Request,
    body: RefreshRequest,
    auth: AuthService = Depends(Provide[Container.auth_service]),
) -> TokenResponse:
    pair = await auth.refresh(body.refresh_token)
    return TokenResponse(
        access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in
    )


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
@inject
async def logout(
    body: RefreshRequest,
    auth: AuthService = Depends(Provide[Container.auth_service]),
) -> None:
    await auth.logout(body.refresh_token)


@router.post("/register", response_model=UserOut, status_code=status.HTTP_201_CREATED)
@inject
async def register(
    body: RegistrationRequest,
    auth: AuthService = Depends(Provide[Container.auth_service]),
) -> UserOut:
    user = await auth.register(body.company, body.email, body.full_name, body.password)
    return UserOut.model_validate(user)
