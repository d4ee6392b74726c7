import base64
import hashlib
import uuid
from dataclasses import dataclass

import boto3
from botocore.config import Config

from app.core.config import settings


@dataclass
class StoredObject:
    key: str
    sha256: str
    size: int


class DocumentStorage:
    def __init__(self, bucket: str | None = None) -> None:
        self.bucket = bucket or settings.S3_BUCKET
        self.client = boto3.client(
            "s3",
            region_name=settings.AWS_REGION,
            aws_access_key_id=settings.AWS_ACCESS_KEY_ID,
            aws_secret_access_key=settings.AWS_SECRET_ACCESS_KEY,
            config=Config(signature_version="s3v4", retries={"max_attempts": 3}),
        )

    @staticmethod
    def object_key(property_id: int, filename: str) -> str:
        suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        return f"properties/{property_id}/{uuid.uuid4()}.{suffix}"

    def upload(self, property_id: int, filename: str, data: bytes, content_type: str) -> StoredObject:
        key = self.object_key(property_id, filename)
        # S3 uses Content-MD5 only as a transport checksum.
        content_md5 = base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()
        self.client.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=data,
            ContentType=content_type,
            ContentMD5=content_md5,
            ServerSideEncryption="AES256",
        )
        return StoredObject(key=key, sha256=hashlib.sha256(data).hexdigest(), size=len(data))

    def presigned_download(self, key: str, filename: str) -> str:
        return self.client.generate_presigned_url(
            "get_object",
            Params={
                "Bucket": self.bucket,
                "Key": key,
                "ResponseContentDisposition": f'attachment; filename="{filename}"',
            },
            ExpiresIn=settings.S3_PRESIGN_TTL_SECONDS,
        )

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)


def get_storage() -> DocumentStorage:
    return DocumentStorage()
