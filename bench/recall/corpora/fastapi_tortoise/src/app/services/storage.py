import hashlib
import uuid
from pathlib import Path

import anyio
from fastapi import UploadFile

from app.core.config import settings

ALLOWED_SUFFIXES = {".pdf", ".mp3", ".png", ".jpg", ".jpeg", ".docx"}
MAX_UPLOAD_BYTES = 25 * 1024 * 1024


class UploadRejected(ValueError):
    pass


def material_etag(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


async def save_material(course_id: int, upload: UploadFile) -> dict:
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected(f"{suffix or 'this file type'} is not allowed")
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected("file is larger than 25 MB")
    target_dir = Path(settings.media_root) / "courses" / str(course_id)
    target = target_dir / f"{uuid.uuid4().hex}{suffix}"
    await anyio.Path(target_dir).mkdir(parents=True, exist_ok=True)
    await anyio.Path(target).write_bytes(data)
    return {"path": str(target), "size": len(data), "etag": material_etag(data)}
