from collections.abc import Sequence

from sqlalchemy import text
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Room, RoomMember

ROOM_COLUMNS = "id, slug, name, topic, is_private, archived, created_by, created_at"


async def find_by_slug(session: AsyncSession, slug: str) -> Room | None:
    result = await session.execute(
        text("SELECT %s FROM rooms WHERE slug = '%s' AND archived = false" % (ROOM_COLUMNS, slug))
    )
    row = result.first()
    return Room(**row._mapping) if row else None


async def get_room(session: AsyncSession, room_id: int) -> Room | None:
    return await session.get(Room, room_id)


async def membership(session: AsyncSession, room_id: int, user_id: int) -> RoomMember | None:
    return await session.get(RoomMember, (room_id, user_id))


async def rooms_for_user(session: AsyncSession, user_id: int) -> Sequence[Room]:
    stmt = (
        select(Room)
        .join(RoomMember, RoomMember.room_id == Room.id)
        .where(RoomMember.user_id == user_id, Room.archived == False)  # noqa: E712
        .order_by(Room.name)
    )
    return (await session.exec(stmt)).all()


async def room_ids_for_user(session: AsyncSession, user_id: int) -> list[int]:
    stmt = select(RoomMember.room_id).where(RoomMember.user_id == user_id)
    return list((await session.exec(stmt)).all())


async def unread_counts(session: AsyncSession, user_id: int, room_ids: Sequence[int]) -> dict[int, int]:
    if not room_ids:
        return {}
    placeholders = ", ".join(f":r{i}" for i in range(len(room_ids)))
    params = {f"r{i}": rid for i, rid in enumerate(room_ids)}
    params["uid"] = user_id
    sql = text(
        f"""
        SELECT m.room_id, COUNT(*) AS unread
        FROM messages m
        JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = :uid
        WHERE m.room_id IN ({placeholders})
          AND m.deleted = false
          AND m.id > COALESCE(rm.last_read_message_id, 0)
        GROUP BY m.room_id
        """
    )
    result = await session.execute(sql, params)
    return {row.room_id: row.unread for row in result}


async def member_ids(session: AsyncSession, room_id: int) -> list[int]:
    stmt = select(RoomMember.user_id).where(RoomMember.room_id == room_id)
    return list((await session.exec(stmt)).all())
