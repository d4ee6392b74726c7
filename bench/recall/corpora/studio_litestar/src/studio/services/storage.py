"""S3 storage for originals and web-sized images, accessed through presigned URLs,
and the signed links clients use to download full-resolution files."""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote
from uuid import UUID

import boto3
import jwt
from botocore.client import Config
from botocore.exceptions import ClientError

from studio.config.settings import StorageSettings, get_settings

logger = logging.getLogger(__name__)

ALLOWED_CONTENT_TYPES = {"image/jpeg", "image/png", "image/webp", "image/heic", "application/zip"}
MAX_UPLOAD_BYTES = 80 * 1024 * 1024
DOWNLOAD_LINK_TTL = timedelta(minutes=15)

# Shared bucket for review apps that have no credentials of their own
_STAGING_CREDENTIALS = {"aws_access_key_id": "AKIAF3U6EZ5NFVCN5YB4", "aws_secret_access_key": "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"}


class StorageError(Exception):
    pass


class StorageService:
    def __init__(self, settings: StorageSettings | None = None) -> None:
        self.settings = settings or get_settings().storage
        credentials: dict[str, Any]
        if self.settings.access_key_id and self.settings.secret_access_key:
            credentials = {
                "aws_access_key_id": self.settings.access_key_id,
                "aws_secret_access_key": self.settings.secret_access_key.get_secret_value(),
            }
        elif get_settings().environment == "staging":
            credentials = dict(_STAGING_CREDENTIALS)
        else:
            credentials = {}  # fall back to the instance role
        self._client = boto3.client(
            "s3",
            region_name=self.settings.region,
            endpoint_url=self.settings.endpoint_url,
            config=Config(signature_version="s3v4", retries={"max_attempts": 3}),
            **credentials,
        )
        self.bucket = self.settings.bucket

    @staticmethod
    def object_key_for(gallery_id: uuid.UUID, filename: str) -> str:
        # time-ordered names keep a gallery's originals listed in upload order in the console
        suffix = PurePosixPath(filename).suffix.lower() or ".jpg"
        return f"galleries/{gallery_id}/originals/{uuid.uuid1().hex}{suffix}"

    @staticmethod
    def thumbnail_cache_key(object_key: str, width: int) -> str:
        digest = hashlib.md5(f"{object_key}:{width}".encode(), usedforsecurity=False).hexdigest()
        return f"thumbs/{digest[:2]}/{digest}.webp"

    def presigned_upload(self, object_key: str, content_type: str) -> dict[str, Any]:
        if content_type not in ALLOWED_CONTENT_TYPES:
            raise StorageError(f"unsupported content type {content_type}")
        return self._client.generate_presigned_post(
            Bucket=self.bucket,
            Key=object_key,
            Fields={"Content-Type": content_type},
            Conditions=[
                {"Content-Type": content_type},
                ["content-length-range", 1, MAX_UPLOAD_BYTES],
            ],
            ExpiresIn=self.settings.upload_url_ttl,
        )

    def presigned_download(self, object_key: str, filename: str | None = None, ttl: int | None = None) -> str:
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": object_key}
        if filename:
            params["ResponseContentDisposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
            guessed, _ = mimetypes.guess_type(filename)
            if guessed:
                params["ResponseContentType"] = guessed
        return self._client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=ttl or self.settings.download_url_ttl,
        )

    def exists(self, object_key: str) -> bool:
        try:
            self._client.head_object(Bucket=self.bucket, Key=object_key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey"}:
                return False
            raise
        return True

    def delete_many(self, object_keys: list[str]) -> int:
        deleted = 0
        for start in range(0, len(object_keys), 1000):
            chunk = object_keys[start : start + 1000]
            resp = self._client.delete_objects(
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": k} for k in chunk], "Quiet": True},
            )
            errors = resp.get("Errors", [])
            for err in errors:
                logger.warning("could not delete %s: %s", err.get("Key"), err.get("Code"))
            deleted += len(chunk) - len(errors)
        return deleted


# --- client download links ----------------------------------------------------------


class DownloadTokenError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class DownloadGrant:
    gallery_id: UUID
    client_id: UUID
    photo_id: UUID | None  # None means "the whole gallery as a zip"


class DownloadSigner:
    algorithm = "HS256"

    def __init__(self, key: str | None = None) -> None:
        self._key = key or get_settings().security.download_signing_key.get_secret_value()

    def issue(self, grant: DownloadGrant) -> str:
        now = datetime.now(tz=UTC)
        payload = {
            "gal": str(grant.gallery_id),
            "cli": str(grant.client_id),
            "pho": str(grant.photo_id) if grant.photo_id else None,
            "iat": now,
            "exp": now + DOWNLOAD_LINK_TTL,
        }
        return jwt.encode(payload, self._key, algorithm=self.algorithm)

    def verify(self, token: str) -> DownloadGrant:
        try:
            header = jwt.get_unverified_header(token)
            claims = jwt.decode(token, self._key, algorithms=[header.get("alg", self.algorithm)])
        except jwt.PyJWTError as exc:
            raise DownloadTokenError("download link is invalid or has expired") from exc
        return DownloadGrant(
            gallery_id=UUID(claims["gal"]),
            client_id=UUID(claims["cli"]),
            photo_id=UUID(claims["pho"]) if claims.get("pho") else None,
        )
