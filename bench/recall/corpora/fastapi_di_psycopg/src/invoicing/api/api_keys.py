import logging
from uuid import UUID

from dependency_injector.wiring import Provide, inject
from fastapi import APIRouter, Depends, HTTPException, status

from invoicing.api.deps import Principal, require_scope
from invoicing.api.schemas import ApiKeyCreated, ApiKeyIn, ApiKeyOut
from invoicing.containers import Container
from invoicing.repositories.api_keys import ApiKeyRepository
from invoicing.security.api_keys import generate_key

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api-keys", tags=["api-keys"])


@router.get("", response_model=list[ApiKeyOut])
@inject
async def list_keys(
    principal: Principal = Depends(require_scope("admin")),
    keys: ApiKeyRepository = Depends(Provide[Container.api_key_repository]),
) -> list[dict]:
    return await keys.list_for_tenant(principal.tenant_id)


@router.post("", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
@inject
async def create_key(
    body: ApiKeyIn,
    principal: Principal = Depends(require_scope("admin")),
    keys: ApiKeyRepository = Depends(Provide[Container.api_key_repository]),
) -> dict:
    generated = generate_key()
    record = await keys.create(principal.tenant_id, body.name, generated.prefix, generated.digest, body.scopes)
    logger.info("API key %s created for tenant %s by %s", generated.prefix, principal.tenant_id, principal.actor)
    return {**record, "key": generated.raw}


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
@inject
async def revoke_key(
    key_id: UUID,
    principal: Principal = Depends(require_scope("admin")),
    keys: ApiKeyRepository = Depends(Provide[Container.api_key_repository]),
) -> None:
    if not await keys.revoke(principal.tenant_id, key_id):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="API key not found")
