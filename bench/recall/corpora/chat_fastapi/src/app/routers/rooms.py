from datetime import datetime, timedelta, timezone
from html import escape

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.responses import HTMLResponse
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app.core.config import settings
from app.deps import CurrentUser, SessionDep, require_verified, room_member, verify_csrf
from app.models import Message, Room, RoomInvite, RoomMember
from app.schemas.rooms import InviteCreate, InviteOut, RoomCreate, RoomOut, RoomUpdate
from app.services import audit, rooms_repo
from app.services.connections import hub
from app.services.render import render_markdown

router = APIRouter(prefix="/rooms", tags=["rooms"])


def _room_out(room: Room, unread: int = 0) -> RoomOut:
    return RoomOut(
        id=room.id,
        slug=room.slug,
        name=room.name,
        topic=room.topic,
        is_private=room.is_private,
        created_at=room.created_at,
        unread=unread,
    )


@router.get("", response_model=list[RoomOut])
async def list_my_rooms(user: CurrentUser, session: SessionDep):
    rooms = await rooms_repo.rooms_for_user(session, user.id)
    counts = await rooms_repo.unread_counts(session, user.id, [r.id for r in rooms])
    return [_room_out(r, counts.get(r.id, 0)) for r in rooms]


@router.post(
    "",
    response_model=RoomOut,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(verify_csrf)],
)
async def create_room(body: RoomCreate, session: SessionDep, user=Depends(require_verified)):
    room = Room(
        slug=body.slug,
        name=body.name.strip(),
        topic=body.topic.strip(),
        is_private=body.is_private,
        created_by=user.id,
    )
    session.add(room)
    try:
        await session.flush()
    except IntegrityError:
        await session.rollback()
        raise HTTPException(status_code=409, detail="That slug is taken")
    session.add(RoomMember(room_id=room.id, user_id=user.id, is_owner=True))
    await audit.record(session, "room.created", actor_id=user.id, target=f"room:{room.id}")
    await session.commit()
    return _room_out(room)


@router.get("/by-slug/{slug}", response_model=RoomOut)
async def get_room_by_slug(slug: str, user: CurrentUser, session: SessionDep):
    room = await rooms_repo.find_by_slug(session, slug)
    if room is None:
        raise HTTPException(status_code=404, detail="Room not found")
    if room.is_private and await rooms_repo.membership(session, room.id, user.id) is None:
        raise HTTPException(status_code=404, detail="Room not found")
    return _room_out(room)


@router.patch("/{room_id}", response_model=RoomOut, dependencies=[Depends(verify_csrf)])
async def update_room(
    room_id: int,
    body: RoomUpdate,
    session: SessionDep,
    user: CurrentUser,
    member: RoomMember = Depends(room_member),
):
    if not member.is_owner and not user.is_admin:
        raise HTTPException(status_code=403, detail="Only the owner can edit the room")
    room = await rooms_repo.get_room(session, room_id)
    if body.name is not None:
        room.name = body.name.strip()
    if body.topic is not None:
        room.topic = body.topic.strip()
    session.add(room)
    await session.commit()
    await hub.publish(room_id, {"type": "room.updated", "name": room.name, "topic": room.topic})
    return _room_out(room)


@router.post("/{room_id}/join", status_code=204, dependencies=[Depends(verify_csrf)])
async def join_room(room_id: int, session: SessionDep, user=Depends(require_verified)):
    room = await rooms_repo.get_room(session, room_id)
    if room is None or room.archived or room.is_private:
        raise HTTPException(status_code=404, detail="Room not found")
    if await rooms_repo.membership(session, room_id, user.id) is None:
        session.add(RoomMember(room_id=room_id, user_id=user.id))
        await session.commit()
        await hub.publish(room_id, {"type": "member.joined", "user_id": user.id})


@router.post(
    "/{room_id}/invites",
    response_model=InviteOut,
    status_code=201,
    dependencies=[Depends(verify_csrf)],
)
async def create_invite(
    room_id: int,
    body: InviteCreate,
    session: SessionDep,
    user: CurrentUser,
    member: RoomMember = Depends(room_member),
):
    room = await rooms_repo.get_room(session, room_id)
    if room.is_private and not member.is_owner:
        raise HTTPException(status_code=403, detail="Only the owner can invite to a private room")
    invite = RoomInvite(
        room_id=room_id,
        created_by=user.id,
        max_uses=body.max_uses,
        expires_at=datetime.now(timezone.utc) + timedelta(hours=body.valid_hours),
    )
    session.add(invite)
    await session.commit()
    return InviteOut(
        code=invite.code,
        url=f"{settings.PUBLIC_APP_URL}/join/{invite.code}",
        expires_at=invite.expires_at,
        max_uses=invite.max_uses,
    )


async def _live_invite(session: SessionDep, code: str) -> RoomInvite | None:
    stmt = select(RoomInvite).where(RoomInvite.code == code)
    invite = (await session.exec(stmt)).first()
    if invite is None:
        return None
    if invite.expires_at < datetime.now(timezone.utc) or invite.uses >= invite.max_uses:
        return None
    return invite


@router.get("/invites/{code}/preview", response_class=HTMLResponse, include_in_schema=False)
async def invite_preview(code: str, session: SessionDep):
    """Tiny page used for link unfurling in other chat apps."""
    invite = await _live_invite(session, code)
    if invite is None:
        return HTMLResponse(f"<p>The invite <code>{escape(code)}</code> is invalid or has expired.</p>", status_code=404)
    room = await rooms_repo.get_room(session, invite.room_id)
    return HTMLResponse(
        "<!doctype html><html><head>"
        f"<meta property=\"og:title\" content=\"Join #{escape(room.name)} on Huddle\">"
        f"<meta property=\"og:description\" content=\"{escape(room.topic)}\">"
        f"</head><body><h1>#{escape(room.name)}</h1></body></html>"
    )


@router.post("/invites/{code}/accept", response_model=RoomOut, dependencies=[Depends(verify_csrf)])
async def accept_invite(code: str, session: SessionDep, user=Depends(require_verified)):
    invite = await _live_invite(session, code)
    if invite is None:
        raise HTTPException(status_code=404, detail="Invite not found")
    room = await rooms_repo.get_room(session, invite.room_id)
    if await rooms_repo.membership(session, room.id, user.id) is None:
        session.add(RoomMember(room_id=room.id, user_id=user.id))
        invite.uses += 1
        session.add(invite)
        session.add(
            Message(
                room_id=room.id,
                body=f"{user.display_name} joined via invite",
                rendered_html=render_markdown(f"_{user.display_name} joined via invite_"),
                is_system=True,
            )
        )
        await session.commit()
        await hub.publish(room.id, {"type": "member.joined", "user_id": user.id})
    return _room_out(room)
