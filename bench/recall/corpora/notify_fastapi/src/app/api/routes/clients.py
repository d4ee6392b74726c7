from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from app.api.deps import CurrentUser, DbSession
from app.models import ApiClient
from app.schemas import ApiClientCreate, ApiClientCreated, ApiClientPublic, Message
from app.services import clients as clients_service

router = APIRouter(prefix="/clients", tags=["clients"])


async def _owned_client(session: DbSession, user: CurrentUser, client_id: int) -> ApiClient:
    client = await session.get(ApiClient, client_id)
    if client is None or (client.owner_id != user.id and not user.is_superuser):
        raise HTTPException(status_code=404, detail="Client not found")
    return client


@router.get("/", response_model=list[ApiClientPublic])
async def list_clients(session: DbSession, current_user: CurrentUser) -> list[ApiClient]:
    stmt = select(ApiClient).where(ApiClient.owner_id == current_user.id).order_by(ApiClient.id)
    return list((await session.scalars(stmt)).all())


@router.post("/", response_model=ApiClientCreated, status_code=201)
async def create_client(session: DbSession, current_user: CurrentUser, body: ApiClientCreate) -> ApiClientCreated:
    client, raw_key = await clients_service.create_client(session, current_user, body.name)
    return ApiClientCreated(
        id=client.id,
        name=client.name,
        key_prefix=client.key_prefix,
        created_at=client.created_at,
        revoked_at=client.revoked_at,
        api_key=raw_key,
    )


@router.post("/{client_id}/rotate", response_model=ApiClientCreated)
async def rotate_client_key(session: DbSession, current_user: CurrentUser, client_id: int) -> ApiClientCreated:
    client = await _owned_client(session, current_user, client_id)
    raw_key = await clients_service.rotate_key(session, client)
    return ApiClientCreated.model_validate({**ApiClientPublic.model_validate(client).model_dump(), "api_key": raw_key})


@router.delete("/{client_id}")
async def revoke_client(session: DbSession, current_user: CurrentUser, client_id: int) -> Message:
    client = await _owned_client(session, current_user, client_id)
    await clients_service.revoke(session, client)
    return Message(message="Client revoked")
