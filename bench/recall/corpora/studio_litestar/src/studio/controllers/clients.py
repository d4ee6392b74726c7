"""Client CRUD and search for staff."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from advanced_alchemy.filters import LimitOffset
from advanced_alchemy.service import OffsetPagination
from litestar import Controller, Request, get, post, put
from litestar.di import Provide
from litestar.dto import DTOData
from litestar.params import Parameter
from litestar.security.jwt import Token

from studio.db.models import Client, User
from studio.dependencies import (
    provide_account_service,
    provide_client_service,
    provide_mailer,
)
from studio.schemas import ClientReadDTO, ClientSearchHit, ClientWriteDTO
from studio.security.guards import requires_photographer, requires_staff
from studio.services.accounts import ClientService, PortalAccountService


class ClientController(Controller):
    path = "/clients"
    tags = ["clients"]
    guards = [requires_staff]
    dependencies = {
        "client_service": Provide(provide_client_service),
        "mailer": Provide(provide_mailer, sync_to_thread=False),
        "account_service": Provide(provide_account_service),
    }
    return_dto = ClientReadDTO

    @get("/")
    async def list_clients(
        self,
        request: Request[User, Token, Any],
        client_service: ClientService,
        limit: int = Parameter(default=50, le=200),
        offset: int = Parameter(default=0, ge=0),
    ) -> OffsetPagination[Client]:
        results, total = await client_service.list_and_count(
            LimitOffset(limit=limit, offset=offset), studio_id=request.user.studio_id
        )
        return client_service.to_schema(results, total, filters=[LimitOffset(limit=limit, offset=offset)])

    @get("/search", return_dto=None)
    async def search_clients(
        self, request: Request[User, Token, Any], client_service: ClientService, q: str
    ) -> list[ClientSearchHit]:
        rows = await client_service.search(request.user.studio_id, q)
        return [ClientSearchHit(**row) for row in rows]

    @get("/{client_id:uuid}")
    async def get_client(
        self, request: Request[User, Token, Any], client_service: ClientService, client_id: UUID
    ) -> Client:
        return await client_service.get_one(id=client_id, studio_id=request.user.studio_id)

    @post("/", dto=ClientWriteDTO)
    async def create_client(
        self, request: Request[User, Token, Any], client_service: ClientService, data: DTOData[Client]
    ) -> Client:
        client = data.create_instance(studio_id=request.user.studio_id)
        client.email = client.email.strip().lower()
        return await client_service.create(client, auto_commit=True)

    @put("/{client_id:uuid}", dto=ClientWriteDTO)
    async def update_client(
        self,
        request: Request[User, Token, Any],
        client_service: ClientService,
        client_id: UUID,
        data: DTOData[Client],
    ) -> Client:
        client = await client_service.get_one(id=client_id, studio_id=request.user.studio_id)
        return await client_service.update(data.update_instance(client), auto_commit=True)

    @post("/{client_id:uuid}/invite", guards=[requires_photographer], return_dto=None)
    async def invite_to_portal(
        self,
        request: Request[User, Token, Any],
        client_service: ClientService,
        account_service: PortalAccountService,
        client_id: UUID,
    ) -> dict[str, str]:
        client = await client_service.get_one(id=client_id, studio_id=request.user.studio_id)
        await account_service.create_invite(client)
        return {"status": "sent", "email": client.email}
