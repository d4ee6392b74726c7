"""Blob storage for attachment bodies (S3-compatible)."""
import os

import aiobotocore.session


class BlobStorage:
    def __init__(self, bucket: str) -> None:
        self.bucket = bucket
        self._session = aiobotocore.session.get_session()
        self._endpoint = os.environ.get("S3_ENDPOINT_URL")

    def _client(self):
        # Credentials come from the standard AWS_* variables or the instance role.
        return self._session.create_client("s3", endpoint_url=self._endpoint)

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        async with self._client() as s3:
            await s3.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    async def get(self, key: str) -> bytes:
        async with self._client() as s3:
            obj = await s3.get_object(Bucket=self.bucket, Key=key)
            async with obj["Body"] as stream:
                return await stream.read()
