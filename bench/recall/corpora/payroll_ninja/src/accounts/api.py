import logging

from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from ninja import Router
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from . import services
from .auth import jwt_auth
from .models import User
from .schemas import AcceptInvitationIn, LoginIn, MeOut, Message, PasswordResetConfirmIn, PasswordResetIn
from .schemas import PhoneCodeIn, PhoneIn, RefreshIn, RegisterIn, TokenPairOut
from .tokens import TokenError, decode_refresh_token, issue_token_pair

logger = logging.getLogger(__name__)

router = Router(tags=["auth"])


def _check_password_strength(password, user=None):
    try:
        validate_password(password, user=user)
    except DjangoValidationError as exc:
        raise HttpError(400, " ".join(exc.messages))


@router.post("/token", response={200: TokenPairOut, 401: Message}, auth=None)
def obtain_token(request, payload: LoginIn):
    user = authenticate(request, username=payload.username, password=payload.password)
    if user is None:
        return 401, {"detail": "Invalid credentials"}
    return issue_token_pair(user)


@router.post(
    "/token/refresh",
    response={200: TokenPairOut, 401: Message},
    auth=None,
    throttle=[AnonRateThrottle("30/m")],
)
def refresh_token(request, payload: RefreshIn):
    try:
        claims = decode_refresh_token(payload.refresh)
    except TokenError:
        return 401, {"detail": "Invalid refresh token"}
    user = User.objects.filter(pk=claims["sub"], is_active=True).first()
    if user is None or user.token_version != claims.get("ver"):
        return 401, {"detail": "Invalid refresh token"}
    return issue_token_pair(user)


@router.post("/register", response={201: Message, 400: Message}, auth=None)
def register(request, payload: RegisterIn):
    """Contractor self sign-up; HR activates the payroll side later."""
    _check_password_strength(payload.password)
    if User.objects.filter(email__iexact=payload.email).exists():
        return 400, {"detail": "An account with this e-mail already exists"}
    try:
        services.register_contractor(
            username=payload.username,
            email=payload.email,
            password=payload.password,
            first_name=payload.first_name,
            last_name=payload.last_name,
        )
    except IntegrityError:
        return 400, {"detail": "Username is taken"}
    return 201, {"detail": "Check your inbox to confirm your e-mail address"}


@router.get("/verify-email/{token}", response={200: Message, 400: Message}, auth=None)
def verify_email(request, token: str):
    if services.confirm_email(token) is None:
        return 400, {"detail": "Link is invalid or has already been used"}
    return {"detail": "E-mail confirmed"}


@router.post(
    "/invitations/accept",
    response={200: TokenPairOut, 400: Message},
    auth=None,
    throttle=[AnonRateThrottle("10/h")],
)
def accept_invitation(request, payload: AcceptInvitationIn):
    _check_password_strength(payload.password)
    try:
        user = services.InvitationService().accept(payload.token, payload.username, payload.password)
    except (services.InvitationError, IntegrityError):
        return 400, {"detail": "Invitation is invalid or the username is taken"}
    return issue_token_pair(user)


@router.post(
    "/password-reset",
    response={202: Message},
    auth=None,
    throttle=[AnonRateThrottle("5/h")],
)
def request_password_reset(request, payload: PasswordResetIn):
    services.start_password_reset(payload.email)
    return 202, {"detail": "If the address is registered you will receive an e-mail"}


@router.post(
    "/password-reset/confirm",
    response={200: Message, 400: Message},
    auth=None,
    throttle=[AnonRateThrottle("10/h")],
)
def confirm_password_reset(request, payload: PasswordResetConfirmIn):
    _check_password_strength(payload.new_password)
    if not services.complete_password_reset(payload.token, payload.new_password):
        return 400, {"detail": "Reset link is invalid or has expired"}
    return {"detail": "Password changed"}


@router.get("/me", response=MeOut, auth=jwt_auth)
def me(request):
    return request.auth


@router.post("/me/phone", response={202: Message}, auth=jwt_auth)
def start_phone_verification(request, payload: PhoneIn):
    services.send_phone_code(request.auth, payload.phone)
    return 202, {"detail": "Code sent"}


@router.post(
    "/me/phone/verify",
    response={200: Message, 400: Message},
    auth=jwt_auth,
    throttle=[AuthRateThrottle("20/h")],
)
def verify_phone(request, payload: PhoneCodeIn):
    if not services.verify_phone_code(request.auth, payload.code):
        return 400, {"detail": "Wrong or expired code"}
    return {"detail": "Phone number verified"}
