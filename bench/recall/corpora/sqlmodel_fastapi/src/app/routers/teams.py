from fastapi import APIRouter, HTTPException, status

from app.db import SessionDep
from app.deps import CurrentUser
from app.schemas import ApiKeyCreated, DoorPinUpdate, InviteCreated
from app.core.security import hash_door_pin
from app.services import api_keys, invites

router = APIRouter(prefix="/teams", tags=["teams"])


def _ensure_team_admin(user, team_id: int) -> None:
    if user.team_id != team_id or user.role not in {"team_admin", "admin"}:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN)


@router.post("/{team_id}/invites", response_model=InviteCreated, status_code=201)
async def create_invite(team_id: int, user: CurrentUser, session: SessionDep) -> InviteCreated:
    _ensure_team_admin(user, team_id)
    invite = await invites.create_invite(session, team_id)
    return InviteCreated(code=invite.code, expires_at=invite.expires_at, url=invites.invite_url(invite.code))


@router.post("/{team_id}/api-keys", response_model=ApiKeyCreated, status_code=201)
async def create_api_key(team_id: int, user: CurrentUser, session: SessionDep) -> ApiKeyCreated:
    _ensure_team_admin(user, team_id)
    record, raw = await api_keys.issue_key(session, team_id)
    return ApiKeyCreated(id=record.id, prefix=record.prefix, key=raw)


@router.put("/me/door-pin", status_code=204)
async def set_door_pin(body: DoorPinUpdate, user: CurrentUser, session: SessionDep) -> None:
    user.door_pin_hash = hash_door_pin(body.pin)
    session.add(user)
    await session.commit()
