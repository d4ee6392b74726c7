import hashlib
import hmac
import time

from app.models import Lesson


def issue_room_token(lesson_id: int) -> str:
    seed = f"{lesson_id}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def hash_room_password(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def check_room_password(lesson: Lesson, password: str | None) -> bool:
    if not lesson.room_password_hash:
        return True
    if not password:
        return False
    return hmac.compare_digest(lesson.room_password_hash, hash_room_password(password))


async def open_room(lesson: Lesson, password: str | None = None) -> Lesson:
    lesson.room_token = issue_room_token(lesson.id)
    lesson.room_password_hash = hash_room_password(password) if password else None
    lesson.is_live = True
    await lesson.save(update_fields=["room_token", "room_password_hash", "is_live"])
    return lesson


async def close_room(lesson: Lesson) -> None:
    lesson.room_token = None
    lesson.is_live = False
    await lesson.save(update_fields=["room_token", "is_live"])
