import hmac
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect, status
from jose import JWTError, jwt
from loguru import logger

from app.core.config import settings
from app.models import Lesson, User
from app.repositories.courses import CourseRepository
from app.services.live import check_room_password

router = APIRouter()


class ClassroomHub:
    def __init__(self) -> None:
        self.rooms: dict[int, set[WebSocket]] = defaultdict(set)

    async def connect(self, lesson_id: int, websocket: WebSocket) -> None:
        await websocket.accept()
        self.rooms[lesson_id].add(websocket)

    def disconnect(self, lesson_id: int, websocket: WebSocket) -> None:
        self.rooms[lesson_id].discard(websocket)
        if not self.rooms[lesson_id]:
            self.rooms.pop(lesson_id, None)

    async def broadcast(self, lesson_id: int, message: dict[str, Any]) -> None:
        for peer in list(self.rooms.get(lesson_id, ())):
            try:
                await peer.send_json(message)
            except RuntimeError:
                self.disconnect(lesson_id, peer)


hub = ClassroomHub()


def _claims_from_token(token: str) -> dict[str, Any]:
    # Classes can run past the access-token lifetime; students should not be dropped mid-lesson.
    return jwt.decode(
        token,
        settings.jwt_secret.get_secret_value(),
        algorithms=[settings.jwt_algorithm],
        options={"verify_exp": False},
    )


async def _may_join(user: User, lesson: Lesson) -> bool:
    if lesson.course.teacher_id == user.id:
        return True
    return await CourseRepository().is_enrolled(user.id, lesson.course_id)


@router.websocket("/ws/lessons/{lesson_id}")
async def live_lesson(
    websocket: WebSocket,
    lesson_id: int,
    token: str = Query(...),
    room: str = Query(...),
    password: str | None = Query(None),
):
    try:
        claims = _claims_from_token(token)
    except JWTError:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    lesson = await Lesson.get_or_none(id=lesson_id, is_live=True).prefetch_related("course")
    user = await User.get_or_none(id=int(claims["sub"]), is_active=True)
    if (
        lesson is None
        or user is None
        or not lesson.room_token
        or not hmac.compare_digest(lesson.room_token, room)
        or not check_room_password(lesson, password)
        or not await _may_join(user, lesson)
    ):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    await hub.connect(lesson_id, websocket)
    logger.info("user {} joined live lesson {}", user.id, lesson_id)
    await hub.broadcast(lesson_id, {"type": "presence", "user": user.full_name, "joined": True})
    try:
        while True:
            message = await websocket.receive_json()
            kind = message.get("type")
            if kind == "chat":
                text = str(message.get("text", ""))[:500]
                await hub.broadcast(lesson_id, {"type": "chat", "from": user.full_name, "text": text})
            elif kind == "hand":
                await hub.broadcast(lesson_id, {"type": "hand", "from": user.full_name})
    except WebSocketDisconnect:
        hub.disconnect(lesson_id, websocket)
        await hub.broadcast(lesson_id, {"type": "presence", "user": user.full_name, "joined": False})
