from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import get_current_user, require_role
from app.core.limiter import limiter
from app.db.session import get_session
from app.models import Property, User
from app.repositories import tenants as tenants_repo
from app.schemas import InvitationCreate, InvitationOut, TenantIn, TenantOut
from app.services import invitations

router = APIRouter(prefix="/tenants", tags=["tenants"])


async def _owned_property(session: AsyncSession, property_id: int, user: User) -> Property:
    prop = await session.get(Property, property_id)
    if prop is None or prop.owner_id != user.id:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Property not found")
    return prop


@router.get("/by-property/{property_id}")
async def tenant_directory(
    property_id: int,
    order: str = Query(default="t.full_name"),
    user: User = Depends(get_current_user),
    session: AsyncSession = Depends(get_session),
) -> list[dict]:
    await _owned_property(session, property_id, user)
    return await tenants_repo.directory_for_property(session, property_id, order_by=order)


@router.post("", response_model=TenantOut, status_code=status.HTTP_201_CREATED)
async def create_tenant(
    body: TenantIn,
    user: User = Depends(require_role("manager", "admin")),
    session: AsyncSession = Depends(get_session),
):
    await _owned_property(session, body.property_id, user)
    return await tenants_repo.create(session, **body.model_dump())


@router.post("/invitations", response_model=InvitationOut, status_code=status.HTTP_201_CREATED)
@limiter.limit("10/minute")
async def invite_tenant(
    request: Request,
    body: InvitationCreate,
    user: User = Depends(require_role("manager", "admin")),
    session: AsyncSession = Depends(get_session),
):
    tenant = await tenants_repo.get(session, body.tenant_id)
    if tenant is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Tenant not found")
    await _owned_property(session, tenant.property_id, user)
    invitation = await invitations.create_invitation(session, tenant)
    await invitations.send_invitation(invitation, tenant)
    return invitation
