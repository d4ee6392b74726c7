from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from sqlmodel import select

from app.core.config import settings
from app.core.limiter import limiter
from app.deps import CurrentUser, SessionDep, room_member, verify_csrf
from app.models import Message, RoomMember, User
from app.schemas.messages import MessageCreate, MessageOut, MessagePage, SearchHit
from app.services import rooms_repo, search
from app.services.connections import hub
from app.services.render import render_markdown

router = APIRouter(tags=["messages"])


def _out(msg: Message, author_name: str | None = None) -> MessageOut:
    return MessageOut(
        id=msg.id,
        room_id=msg.room_id,
        author_id=msg.author_id,
        author_name=author_name,
        body=msg.body if not msg.deleted else "",
        rendered_html=msg.rendered_html if not msg.deleted else "",
        is_system=msg.is_system,
        created_at=msg.created_at,
        edited_at=msg.edited_at,
    )


@router.get("/rooms/{room_id}/messages", response_model=MessagePage)
async def list_messages(
    room_id: int,
    session: SessionDep,
    _: RoomMember = Depends(room_member),
    before: int | None = Query(default=None, ge=1),
    limit: int = Query(default=settings.MESSAGE_PAGE_SIZE, ge=1, le=200),
):
    stmt = (
        select(Message, User.display_name)
        .join(User, User.id == Message.author_id, isouter=True)
        .where(Message.room_id == room_id)
        .order_by(Message.id.desc())
        .limit(limit + 1)
    )
    if before is not None:
        stmt = stmt.where(Message.id < before)
    rows = (await session.exec(stmt)).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    items = [_out(msg, name) for msg, name in reversed(rows)]
    return MessagePage(items=items, next_before=rows[-1][0].id if has_more and rows else None)


@router.post(
    "/rooms/{room_id}/messages",
    response_model=MessageOut,
    status_code=status.HTTP_201_CREATED,
    dependencies=[Depends(verify_csrf)],
)
@limiter.limit("60/minute")
async def post_message(
    request: Request,
    room_id: int,
    body: MessageCreate,
    session: SessionDep,
    user: CurrentUser,
    member: RoomMember = Depends(room_member),
):
    if member.muted:
        raise HTTPException(status_code=403, detail="You are muted in this room")
    text = body.body.strip()
    if not text:
        raise HTTPException(status_code=422, detail="Empty message")

    msg = Message(room_id=room_id, author_id=user.id, body=text, rendered_html=render_markdown(text))
    session.add(msg)
    await session.commit()
    await session.refresh(msg)
    member.last_read_message_id = msg.id
    session.add(member)
    await session.commit()

    out = _out(msg, user.display_name)
    await hub.publish(room_id, {"type": "message.new", "message": out.model_dump(mode="json")})
    return out


async def _own_message(session: SessionDep, room_id: int, message_id: int, user: User) -> Message:
    msg = await session.get(Message, message_id)
    if msg is None or msg.room_id != room_id or msg.deleted:
        raise HTTPException(status_code=404, detail="Message not found")
    if msg.author_id != user.id and not user.is_admin:
        raise HTTPException(status_code=403, detail="Not your message")
    return msg


@router.delete(
    "/rooms/{room_id}/messages/{message_id}",
    status_code=204,
    dependencies=[Depends(verify_csrf)],
)
async def delete_message(
    room_id: int,
    message_id: int,
    session: SessionDep,
    user: CurrentUser,
    _: RoomMember = Depends(room_member),
):
    msg = await _own_message(session, room_id, message_id, user)
    msg.deleted = True
    session.add(msg)
    await session.commit()
    await hub.publish(room_id, {"type": "message.deleted", "message_id": message_id})


@router.get("/search", response_model=list[SearchHit])
@limiter.limit("20/minute")
async def search_messages(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    q: str = Query(min_length=2, max_length=100),
    room_id: int | None = None,
):
    allowed = await rooms_repo.room_ids_for_user(session, user.id)
    if room_id is not None:
        if room_id not in allowed:
            raise HTTPException(status_code=404, detail="Room not found")
        allowed = [room_id]
    hits = await search.search_messages(session, q, room_ids=allowed)
    return [SearchHit(**hit.__dict__) for hit in hits]
