import hmac
from datetime import datetime, timedelta, timezone

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlmodel import select

from app.core.config import settings
from app.core.cookies import clear_auth_cookies, set_access_cookie, set_csrf_cookie, set_refresh_cookie
from app.core.limiter import limiter
from app.core.logging import get_logger
from app.core.security import (
    TokenError,
    create_refresh_token,
    decode_for_revocation,
    decode_token,
    hash_password,
    issue_token_pair,
    create_access_token,
)
from app.deps import CurrentUser, SessionDep
from app.models import PasswordReset, PendingSignup, RefreshSession, RevokedToken, User
from app.schemas.auth import (
    MeOut,
    PasswordResetConfirmIn,
    PasswordResetRequestIn,
    RegisterIn,
    TokenOut,
)
from app.services import audit, codes, email, users

router = APIRouter(prefix="/auth", tags=["auth"])
logger = get_logger("auth")

_GENERIC_REGISTER_REPLY = {"detail": "If the address can be used, a confirmation e-mail is on its way."}


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


async def _start_session(session: SessionDep, request: Request, response: Response, user: User) -> TokenOut:
    pair, family, jti = issue_token_pair(user.id, user.role.value)
    session.add(
        RefreshSession(
            user_id=user.id,
            family=family,
            current_jti=jti,
            user_agent=(request.headers.get("user-agent") or "")[:255] or None,
        )
    )
    await session.commit()
    set_refresh_cookie(response, pair.refresh_token)
    set_access_cookie(response, pair.access_token)
    set_csrf_cookie(response, codes.csrf_token())
    return TokenOut(access_token=pair.access_token, expires_in=pair.expires_in)


@router.post("/register", status_code=status.HTTP_202_ACCEPTED)
@limiter.limit("5/hour")
async def register(request: Request, body: RegisterIn, background: BackgroundTasks, session: SessionDep):
    email_addr = users.normalise_email(body.email)
    if await users.get_by_email(session, email_addr):
        return _GENERIC_REGISTER_REPLY

    token = codes.email_verification_token(email_addr)
    pending = PendingSignup(email=email_addr, display_name=body.display_name, password=body.password, verify_token=token)
    session.add(pending)
    await session.commit()

    link = f"{request.base_url}api/v1/auth/verify?token={token}"
    background.add_task(email.send_verification_email, email_addr, link)
    return _GENERIC_REGISTER_REPLY


@router.get("/verify")
async def verify_email(token: str, session: SessionDep):
    stmt = select(PendingSignup).where(PendingSignup.verify_token == token)
    pending = (await session.exec(stmt)).first()
    if pending is None or pending.created_at < _utcnow() - timedelta(days=2):
        raise HTTPException(status_code=400, detail="This link is invalid or has expired")

    if await users.get_by_email(session, pending.email):
        await session.delete(pending)
        await session.commit()
        raise HTTPException(status_code=409, detail="Account already exists")

    user = await users.create_user(
        session,
        email=pending.email,
        display_name=pending.display_name,
        password=pending.password,
        verified=True,
    )
    await session.delete(pending)
    await audit.record(session, "user.verified", actor_id=user.id, target=f"user:{user.id}")
    await session.commit()
    return {"detail": "Address confirmed, you can sign in now."}


@router.post("/login", response_model=TokenOut)
@limiter.limit(settings.LOGIN_RATE_LIMIT)
async def login(
    request: Request,
    response: Response,
    session: SessionDep,
    form: OAuth2PasswordRequestForm = Depends(),
):
    user = await users.authenticate(
        session,
        form.username,
        form.password,
        ip=audit.request_ip(request),
        user_agent=request.headers.get("user-agent"),
    )
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Wrong e-mail or password")
    if not user.is_verified:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Confirm your e-mail first")
    return await _start_session(session, request, response, user)


@router.post("/refresh", response_model=TokenOut)
@limiter.limit("30/minute")
async def refresh(request: Request, response: Response, session: SessionDep):
    raw = request.cookies.get(settings.REFRESH_TOKEN_COOKIE)
    if not raw:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="No refresh token")
    try:
        claims = decode_token(raw, expected_type="refresh")
    except TokenError as exc:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail=str(exc)) from exc

    stmt = select(RefreshSession).where(RefreshSession.family == claims["fam"])
    rs = (await session.exec(stmt)).first()
    if rs is None or rs.revoked:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Session ended")
    if rs.current_jti != claims["jti"]:
        # An old refresh token was replayed: kill the whole family.
        rs.revoked = True
        session.add(rs)
        await session.commit()
        logger.warning("refresh token reuse detected for user_id=%s family=%s", rs.user_id, rs.family)
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Session ended")

    user = await session.get(User, rs.user_id)
    if user is None or not user.is_active:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Session ended")

    new_refresh, new_jti = create_refresh_token(user.id, rs.family)
    access = create_access_token(user.id, role=user.role.value)
    rs.current_jti = new_jti
    rs.rotated_at = _utcnow()
    session.add(rs)
    await session.commit()

    set_refresh_cookie(response, new_refresh)
    set_access_cookie(response, access)
    return TokenOut(access_token=access, expires_in=settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(request: Request, response: Response, session: SessionDep):
    auth = request.headers.get("authorization", "")
    token = auth[7:] if auth.lower().startswith("bearer ") else request.cookies.get(settings.ACCESS_TOKEN_COOKIE)
    revoked = 0
    if token:
        try:
            claims = decode_for_revocation(token)
        except TokenError:
            claims = None
        if claims and claims.get("jti"):
            exp = datetime.fromtimestamp(claims.get("exp", 0), tz=timezone.utc)
            await session.merge(RevokedToken(jti=claims["jti"], expires_at=exp))
            revoked += 1

    raw_refresh = request.cookies.get(settings.REFRESH_TOKEN_COOKIE)
    if raw_refresh:
        try:
            rclaims = decode_token(raw_refresh, expected_type="refresh")
        except TokenError:
            rclaims = None
        if rclaims:
            stmt = select(RefreshSession).where(RefreshSession.family == rclaims["fam"])
            rs = (await session.exec(stmt)).first()
            if rs and not rs.revoked:
                rs.revoked = True
                session.add(rs)
                revoked += 1

    await session.commit()
    logger.info("logout: revoked %d tokens", revoked)
    clear_auth_cookies(response)
    response.status_code = status.HTTP_204_NO_CONTENT
    return response


@router.post("/password-reset/request", status_code=status.HTTP_202_ACCEPTED)
async def request_password_reset(body: PasswordResetRequestIn, background: BackgroundTasks, session: SessionDep):
    user = await users.get_by_email(session, body.email)
    if user is not None and user.is_active:
        code = codes.reset_code()
        session.add(
            PasswordReset(
                user_id=user.id,
                code=code,
                expires_at=_utcnow() + timedelta(minutes=settings.PASSWORD_RESET_TTL_MINUTES),
            )
        )
        await session.commit()
        background.add_task(email.send_reset_code, user.email, code)
    return {"detail": "If that address has an account, a code has been sent."}


@router.post("/password-reset/confirm")
@limiter.limit("5 per 15 minutes")
async def confirm_password_reset(request: Request, body: PasswordResetConfirmIn, session: SessionDep):
    user = await users.get_by_email(session, body.email)
    invalid = HTTPException(status_code=400, detail="Invalid or expired code")
    if user is None:
        raise invalid

    stmt = (
        select(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.used_at == None)  # noqa: E711
        .order_by(PasswordReset.created_at.desc())
    )
    reset = (await session.exec(stmt)).first()
    if reset is None or reset.expires_at < _utcnow():
        raise invalid
    if reset.attempts >= settings.PASSWORD_RESET_MAX_ATTEMPTS:
        raise invalid

    reset.attempts += 1
    if not hmac.compare_digest(reset.code, body.code):
        session.add(reset)
        await session.commit()
        raise invalid

    reset.used_at = _utcnow()
    user.hashed_password = hash_password(body.new_password)
    session.add_all([reset, user])
    await audit.record(session, "user.password_reset", actor_id=user.id, target=f"user:{user.id}", request=request)
    await session.commit()
    await email.send_password_changed(user.email)
    return {"detail": "Password updated, please sign in again."}


@router.get("/me", response_model=MeOut)
async def me(user: CurrentUser):
    return MeOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role.value,
        avatar_color=user.avatar_color,
        digest_enabled=user.digest_enabled,
    )
