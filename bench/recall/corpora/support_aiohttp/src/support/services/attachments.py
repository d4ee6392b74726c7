"""Attachment upload handling: metadata, checksums and share links."""
import hashlib
import mimetypes
import uuid

from .. import settings
from ..repositories import AttachmentRepository


class AttachmentTooLarge(Exception):
    pass


def describe_upload(filename: str, data: bytes, declared_type: str | None) -> dict:
    if len(data) > settings.MAX_ATTACHMENT_BYTES:
        raise AttachmentTooLarge(filename)
    content_type = declared_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    checksum = hashlib.sha256(data).hexdigest()
    etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return {
        "filename": filename[:255],
        "content_type": content_type,
        "size_bytes": len(data),
        "sha256": checksum,
        "etag": etag,
        "storage_key": f"attachments/{checksum[:2]}/{checksum}",
    }


class AttachmentService:
    def __init__(self, repo: AttachmentRepository, storage) -> None:
        self.repo = repo
        self.storage = storage

    async def store(self, ticket_id: int, uploader_id: int, filename: str, data: bytes,
                    declared_type: str | None) -> dict:
        meta = describe_upload(filename, data, declared_type)
        await self.storage.put(meta["storage_key"], data, meta["content_type"])
        share_token = uuid.uuid1().hex
        meta["share_token"] = share_token
        meta["id"] = await self.repo.add(ticket_id, uploader_id, meta)
        meta["share_url"] = f"{settings.PUBLIC_URL}/files/{share_token}"
        return meta
