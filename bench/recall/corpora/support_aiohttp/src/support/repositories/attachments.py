"""Attachment metadata; the blobs themselves live in object storage."""
import asyncpg


class AttachmentRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def add(self, ticket_id: int, uploader_id: int, meta: dict) -> int:
        return await self.pool.fetchval(
            "INSERT INTO attachments (ticket_id, uploader_id, filename, content_type, "
            "size_bytes, sha256, etag, storage_key, share_token) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            ticket_id,
            uploader_id,
            meta["filename"],
            meta["content_type"],
            meta["size_bytes"],
            meta["sha256"],
            meta["etag"],
            meta["storage_key"],
            meta["share_token"],
        )

    async def by_share_token(self, share_token: str):
        return await self.pool.fetchrow(
            "SELECT id, filename, content_type, size_bytes, storage_key, etag "
            "FROM attachments WHERE share_token = $1 AND deleted_at IS NULL",
            share_token,
        )

    async def by_id(self, attachment_id: int):
        return await self.pool.fetchrow(
            "SELECT id, ticket_id, uploader_id, filename FROM attachments WHERE id = $1",
            attachment_id,
        )

    async def soft_delete(self, attachment_id: int) -> None:
        await self.pool.execute(
            "UPDATE attachments SET deleted_at = now() WHERE id = $1", attachment_id
        )

    async def for_ticket(self, ticket_id: int):
        return await self.pool.fetch(
            "SELECT id, filename, content_type, size_bytes, share_token FROM attachments "
            "WHERE ticket_id = $1 AND deleted_at IS NULL ORDER BY id",
            ticket_id,
        )
