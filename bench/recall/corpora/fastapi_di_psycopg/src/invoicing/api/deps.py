from dataclasses import dataclass, field
from uuid import UUID

from dependency_injector.wiring import Provide, inject
from fastapi import Depends, HTTPException, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from slowapi import Limiter
from slowapi.util import get_remote_address

from invoicing.config import get_settings
from invoicing.containers import Container
from invoicing.errors import AuthenticationFailed
from invoicing.repositories.api_keys import ApiKeyRepository
from invoicing.security import api_keys
from invoicing.security.tokens import TokenService

limiter = Limiter(key_func=get_remote_address, storage_uri=get_settings().redis_url)

bearer_scheme = HTTPBearer(auto_error=False)
api_key_scheme = APIKeyHeader(name=api_keys.API_KEY_HEADER, auto_error=False)

STAFF_SCOPES = frozenset({"invoices:read", "invoices:write", "customers:read", "customers:write", "admin"})


@dataclass(frozen=True)
class Principal:
    tenant_id: UUID
    actor: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    user_id: UUID | None = None


@inject
async def get_principal(
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer_scheme),
    raw_api_key: str | None = Depends(api_key_scheme),
    tokens: TokenService = Depends(Provide[Container.token_service]),
    keys: ApiKeyRepository = Depends(Provide[Container.api_key_repository]),
) -> Principal:
    if credentials is not None:
        claims = tokens.decode_access(credentials.credentials)
        scopes = STAFF_SCOPES if claims["role"] in {"owner", "admin"} else STAFF_SCOPES - {"admin"}
        return Principal(
            tenant_id=UUID(claims["tid"]),
            actor=f"user:{claims['sub']}",
            scopes=scopes,
            user_id=UUID(claims["sub"]),
        )
    if raw_api_key:
        prefix = api_keys.parse_prefix(raw_api_key)
        if prefix:
            for candidate in await keys.find_active_by_prefix(prefix):
                if api_keys.matches(raw_api_key, candidate["key_hash"]):
                    await keys.touch(candidate["id"])
                    return Principal(
                        tenant_id=candidate["tenant_id"],
                        actor=f"api_key:{prefix}",
                        scopes=frozenset(candidate["scopes"]),
                    )
        raise AuthenticationFailed("Invalid API key")
    raise HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Not authenticated",
        headers={"WWW-Authenticate": "Bearer"},
    )


def require_scope(scope: str):
    async def checker(principal: Principal = Depends(get_principal)) -> Principal:
        if scope not in principal.scopes:
            raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail=f"Missing scope {scope}")
        return principal

    return checker
