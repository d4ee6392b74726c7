"""Document storage backends (local disk for development, S3 in production)."""
from __future__ import annotations

import hashlib
import io
import os
import uuid
from pathlib import Path
from typing import BinaryIO, Protocol

import boto3
from flask import current_app
from werkzeug.utils import secure_filename

CHUNK_SIZE = 64 * 1024


class Storage(Protocol):
    def save(self, fileobj: BinaryIO, key: str, content_type: str) -> tuple[int, str]: ...
    def open(self, key: str) -> BinaryIO: ...
    def delete(self, key: str) -> None: ...


def _digest_stream(fileobj: BinaryIO) -> tuple[int, str, bytes]:
    sha = hashlib.sha256()
    buf = io.BytesIO()
    size = 0
    for chunk in iter(lambda: fileobj.read(CHUNK_SIZE), b""):
        sha.update(chunk)
        buf.write(chunk)
        size += len(chunk)
    return size, sha.hexdigest(), buf.getvalue()


class LocalStorage:
    def __init__(self, root: str) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("storage key escapes the upload folder")
        return path

    def save(self, fileobj: BinaryIO, key: str, content_type: str) -> tuple[int, str]:
        size, sha256, data = _digest_stream(fileobj)
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return size, sha256

    def open(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def delete(self, key: str) -> None:
        try:
            os.remove(self._path(key))
        except FileNotFoundError:
            pass


class S3Storage:
    def __init__(self, bucket: str, region: str) -> None:
        # credentials come from the task role
        self.client = boto3.client("s3", region_name=region)
        self.bucket = bucket

    def save(self, fileobj: BinaryIO, key: str, content_type: str) -> tuple[int, str]:
        size, sha256, data = _digest_stream(fileobj)
        self.client.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=data,
            ContentType=content_type,
            ServerSideEncryption="aws:kms",
            Metadata={"sha256": sha256},
        )
        return size, sha256

    def open(self, key: str) -> BinaryIO:
        obj = self.client.get_object(Bucket=self.bucket, Key=key)
        return io.BytesIO(obj["Body"].read())

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)


def get_storage() -> Storage:
    storage = current_app.extensions.get("document_storage")
    if storage is None:
        cfg = current_app.config
        if cfg["DOCUMENT_STORAGE"] == "s3":
            storage = S3Storage(cfg["S3_BUCKET"], cfg["S3_REGION"])
        else:
            storage = LocalStorage(cfg["UPLOAD_FOLDER"])
        current_app.extensions["document_storage"] = storage
    return storage


def new_storage_key(customer_id: int, filename: str) -> str:
    return f"customers/{customer_id}/{uuid.uuid4().hex}/{secure_filename(filename) or 'upload'}"


def allowed_file(filename: str) -> bool:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return ext in current_app.config["ALLOWED_UPLOAD_EXTENSIONS"]


def etag_for(data: bytes) -> str:
    # only used for HTTP caching; the stored sha256 is the integrity check
    return hashlib.md5(data, usedforsecurity=False).hexdigest()
