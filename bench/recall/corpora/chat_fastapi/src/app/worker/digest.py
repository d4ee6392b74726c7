"""Builds the daily digest e-mail for one user."""
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.core.config import settings
from app.models import Message, Room, RoomMember, User
from app.services.render import preview

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "email"

_env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), trim_blocks=True, lstrip_blocks=True)
_env.filters["preview"] = preview


@dataclass
class RoomDigest:
    room: Room
    messages: list[tuple[Message, str | None]] = field(default_factory=list)
    total: int = 0


@dataclass
class Digest:
    user: User
    since: datetime
    rooms: list[RoomDigest]

    @property
    def is_empty(self) -> bool:
        return not any(r.messages for r in self.rooms)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rooms)


async def build_digest(session: AsyncSession, user: User, hours: int = 24) -> Digest:
    since = datetime.now(timezone.utc) - timedelta(hours=hours)
    stmt = (
        select(Room)
        .join(RoomMember, RoomMember.room_id == Room.id)
        .where(RoomMember.user_id == user.id, RoomMember.muted == False, Room.archived == False)  # noqa: E712
    )
    rooms = (await session.exec(stmt)).all()

    digests: list[RoomDigest] = []
    per_room = max(3, settings.DIGEST_MAX_MESSAGES // max(len(rooms), 1))
    for room in rooms:
        mstmt = (
            select(Message, User.display_name)
            .join(User, User.id == Message.author_id, isouter=True)
            .where(
                Message.room_id == room.id,
                Message.created_at >= since,
                Message.deleted == False,  # noqa: E712
                Message.author_id != user.id,
            )
            .order_by(Message.created_at.desc())
        )
        rows = (await session.exec(mstmt)).all()
        if rows:
            digests.append(RoomDigest(room=room, messages=list(reversed(rows[:per_room])), total=len(rows)))
    return Digest(user=user, since=since, rooms=digests)


def render_digest(digest: Digest) -> tuple[str, str, str]:
    subject = f"{digest.total} new messages in Huddle"
    html = _env.get_template("digest.html").render(digest=digest, app_url=settings.PUBLIC_APP_URL)
    lines = [f"Hi {digest.user.display_name}, here is what you missed:", ""]
    for rd in digest.rooms:
        lines.append(f"#{rd.room.name} ({rd.total} new)")
        for msg, author in rd.messages:
            lines.append(f"  {author or 'system'}: {preview(msg.body, 100)}")
        lines.append("")
    lines.append(f"Open Huddle: {settings.PUBLIC_APP_URL}")
    return subject, "\n".join(lines), html
