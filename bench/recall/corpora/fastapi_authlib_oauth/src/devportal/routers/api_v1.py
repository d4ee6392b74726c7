"""JSON API for machine clients: keys and usage. Authenticated by bearer token or X-API-Key."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status

from devportal.deps import ApiPrincipal, SessionDep, require_scope
from devportal.repositories import api_keys as api_keys_repo
from devportal.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyOut, DailyPoint, EndpointUsage
from devportal.services import keys as keys_service
from devportal.services import usage as usage_service

router = APIRouter(prefix="/api/v1", tags=["v1"])

ReadKeys = Annotated[ApiPrincipal, Depends(require_scope("keys:read"))]
WriteKeys = Annotated[ApiPrincipal, Depends(require_scope("keys:write"))]
ReadUsage = Annotated[ApiPrincipal, Depends(require_scope("usage:read"))]
Days = Annotated[int, Query(ge=1, le=90)]


@router.get("/keys", response_model=list[ApiKeyOut])
async def list_keys(principal: ReadKeys, session: SessionDep, sort: str = "created", order: str = "desc"):
    return await api_keys_repo.list_for_org(session, principal.org_id, sort=sort, order=order)


@router.get("/keys/search", response_model=list[ApiKeyOut])
async def search_keys(principal: ReadKeys, session: SessionDep, q: Annotated[str, Query(min_length=2, max_length=100)]):
    return await api_keys_repo.search_by_label(session, principal.org_id, q)


@router.post("/keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
async def create_key(body: ApiKeyCreate, principal: WriteKeys, session: SessionDep):
    if not set(body.scopes) <= principal.scopes:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "A key cannot grant scopes its creator does not have.")
    return await keys_service.issue_key(
        session,
        org_id=principal.org_id,
        created_by=None,
        label=body.label,
        description=body.description,
        scopes=list(body.scopes),
    )


@router.delete("/keys/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_key(key_id: int, principal: WriteKeys, session: SessionDep) -> Response:
    if not await keys_service.revoke_key(session, principal.org_id, key_id, actor=principal.subject):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No active key with that id")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/usage/endpoints", response_model=list[EndpointUsage])
async def usage_by_endpoint(
    principal: ReadUsage, session: SessionDep, days: Days = 30, sort: str = "requests", direction: str = "desc"
):
    return await usage_service.endpoint_breakdown(session, principal.org_id, days=days, sort=sort, direction=direction)


@router.get("/usage/daily", response_model=list[DailyPoint])
async def usage_daily(principal: ReadUsage, session: SessionDep, days: Days = 30):
    return await usage_service.daily_series(session, principal.org_id, days)


@router.get("/usage/export.csv")
async def export_usage(principal: ReadUsage, session: SessionDep, days: Days = 30) -> Response:
    body = await usage_service.export_csv(session, principal.org_id, days)
    return Response(
        body, media_type="text/csv", headers={"Content-Disposition": 'attachment; filename="usage.csv"'}
    )
