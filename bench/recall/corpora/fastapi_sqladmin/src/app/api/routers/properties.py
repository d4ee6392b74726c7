from fastapi import APIRouter, Depends, HTTPException, Query, status
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import get_current_user, require_role
from app.db.session import get_session
from app.models import Property, User
from app.repositories import properties as properties_repo
from app.schemas import PropertyIn, PropertyOut, UnitOut

router = APIRouter(prefix="/properties", tags=["properties"])


@router.get("", response_model=list[PropertyOut])
async def list_properties(
    q: str | None = Query(default=None, max_length=100),
    sort: str = Query(default="name"),
    user: User = Depends(get_current_user),
    session: AsyncSession = Depends(get_session),
) -> list[Property]:
    return await properties_repo.list_for_owner(session, user.id, search=q, sort=sort)


@router.post("", response_model=PropertyOut, status_code=status.HTTP_201_CREATED)
async def create_property(
    body: PropertyIn,
    user: User = Depends(require_role("manager", "admin")),
    session: AsyncSession = Depends(get_session),
) -> Property:
    prop = Property(owner_id=user.id, **body.model_dump())
    session.add(prop)
    await session.commit()
    await session.refresh(prop)
    return prop


@router.get("/{property_id}/units", response_model=list[UnitOut])
async def list_units(
    property_id: int,
    user: User = Depends(get_current_user),
    session: AsyncSession = Depends(get_session),
):
    prop = await properties_repo.get_with_units(session, property_id)
    if prop is None or prop.owner_id != user.id:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return prop.units
