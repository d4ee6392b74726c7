from typing import Literal
from uuid import UUID

from dependency_injector.wiring import Provide, inject
from fastapi import APIRouter, Depends, Query, status

from invoicing.api.deps import Principal, require_scope
from invoicing.api.schemas import ContactInvite, ContactOut, CustomerIn, CustomerOut
from invoicing.containers import Container
from invoicing.services.customers import CustomerService

router = APIRouter(prefix="/customers", tags=["customers"])


@router.get("", response_model=list[CustomerOut])
@inject
async def list_customers(
    sort: Literal["name", "created", "email"] = "name",
    descending: bool = False,
    page: int = Query(default=1, ge=1),
    per_page: int = Query(default=50, ge=1, le=200),
    principal: Principal = Depends(require_scope("customers:read")),
    customers: CustomerService = Depends(Provide[Container.customer_service]),
) -> list[dict]:
    return await customers.list_page(principal.tenant_id, sort, descending, page, per_page)


@router.post("", response_model=CustomerOut, status_code=status.HTTP_201_CREATED)
@inject
async def create_customer(
    body: CustomerIn,
    principal: Principal = Depends(require_scope("customers:write")),
    customers: CustomerService = Depends(Provide[Container.customer_service]),
) -> dict:
    return await customers.create(principal.tenant_id, principal.actor, body.model_dump())


@router.get("/{customer_id}", response_model=CustomerOut)
@inject
async def get_customer(
    customer_id: UUID,
    principal: Principal = Depends(require_scope("customers:read")),
    customers: CustomerService = Depends(Provide[Container.customer_service]),
) -> dict:
    return await customers.get(principal.tenant_id, customer_id)


@router.get("/{customer_id}/contacts", response_model=list[ContactOut])
@inject
async def search_contacts(
    customer_id: UUID,
    q: str = Query(default="", max_length=100),
    principal: Principal = Depends(require_scope("customers:read")),
    customers: CustomerService = Depends(Provide[Container.customer_service]),
) -> list[dict]:
    return await customers.search_contacts(principal.tenant_id, customer_id, q)


@router.post("/{customer_id}/contacts", response_model=ContactOut, status_code=status.HTTP_201_CREATED)
@inject
async def invite_contact(
    customer_id: UUID,
    body: ContactInvite,
    principal: Principal = Depends(require_scope("customers:write")),
    customers: CustomerService = Depends(Provide[Container.customer_service]),
) -> dict:
    return await customers.invite_contact(
        principal.tenant_id, principal.actor, customer_id, body.email, body.full_name
    )
