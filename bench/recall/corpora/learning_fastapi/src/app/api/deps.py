"""Request-scoped dependencies: tenant resolution, auth, partner keys."""
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer
from jose import JWTError
from sqlmodel import Session

from app.core.config import settings
from app.core.security import decode_access_token
from app.db.session import get_session, use_tenant_schema
from app.models import Partner, Tenant, User
from app.repositories import partner_repo, tenant_repo, user_repo

oauth2_scheme = OAuth2PasswordBearer(tokenUrl=f"{settings.api_prefix}/auth/token")
partner_key_header = APIKeyHeader(name="X-Partner-Key", auto_error=False)

SessionDep = Annotated[Session, Depends(get_session)]


def get_tenant(
    request: Request,
    session: SessionDep,
    x_tenant: Annotated[str | None, Header()] = None,
) -> Tenant:
    tenant = None
    if x_tenant:
        tenant = tenant_repo.get_by_slug(session, x_tenant)
    else:
        host = request.headers.get("host", "").split(":")[0]
        tenant = tenant_repo.get_by_domain(session, host)
    if tenant is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Unknown tenant")
    use_tenant_schema(session, tenant.schema_name)
    request.state.tenant = tenant
    return tenant


TenantDep = Annotated[Tenant, Depends(get_tenant)]


def get_current_user(
    session: SessionDep,
    tenant: TenantDep,
    token: Annotated[str, Depends(oauth2_scheme)],
) -> User:
    unauthorized = HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        payload = decode_access_token(token)
    except JWTError:
        raise unauthorized
    if payload.get("tid") != tenant.id:
        raise unauthorized
    user = user_repo.get(session, int(payload["sub"]))
    if user is None or not user.is_active:
        raise unauthorized
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_admin(user: CurrentUser) -> User:
    if user.role.value != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admins only")
    return user


def get_partner(
    session: SessionDep,
    tenant: TenantDep,
    api_key: Annotated[str | None, Depends(partner_key_header)],
) -> Partner:
    if not api_key:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Missing partner key")
    partner = partner_repo.get_by_key_prefix(session, api_key[:12])
    if partner is not None and partner.tenant_id == tenant.id and partner.api_key == api_key:
        return partner
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid partner key")


PartnerDep = Annotated[Partner, Depends(get_partner)]
