"""Object storage for audio and artwork (S3-compatible)."""
from __future__ import annotations

import hashlib
import mimetypes
import uuid
from typing import AsyncIterator

import aioboto3
from quart import current_app

_session = aioboto3.Session()


def _bucket() -> str:
    return current_app.config["MEDIA_BUCKET"]


def new_object_key(prefix: str, filename: str) -> str:
    ext = mimetypes.guess_extension(mimetypes.guess_type(filename)[0] or "") or ""
    return f"{prefix}/{uuid.uuid4().hex}{ext}"


def artwork_cache_key(source_url: str, size: int) -> str:
    digest = hashlib.sha1(source_url.encode("utf-8")).hexdigest()
    return f"artwork-cache/{size}/{digest}.jpg"


def public_url(key: str | None) -> str | None:
    if not key:
        return None
    return f"{current_app.config['MEDIA_CDN_URL'].rstrip('/')}/{key}"


async def upload_stream(key: str, chunks: AsyncIterator[bytes], content_type: str) -> int:
    """Buffer an uploaded file and push it to the bucket. Returns the size."""
    buffer = bytearray()
    async for chunk in chunks:
        buffer.extend(chunk)
    async with _session.client("s3", region_name=current_app.config["AWS_REGION"]) as s3:
        await s3.put_object(
            Bucket=_bucket(),
            Key=key,
            Body=bytes(buffer),
            ContentType=content_type,
            CacheControl="public, max-age=31536000, immutable",
        )
    return len(buffer)


async def delete_object(key: str) -> None:
    async with _session.client("s3", region_name=current_app.config["AWS_REGION"]) as s3:
        await s3.delete_object(Bucket=_bucket(), Key=key)


async def presigned_download(key: str, expires: int = 3600) -> str:
    async with _session.client("s3", region_name=current_app.config["AWS_REGION"]) as s3:
        return await s3.generate_presigned_url(
            "get_object", Params={"Bucket": _bucket(), "Key": key}, ExpiresIn=expires
        )
