"""Firmware releases: metadata in PostgreSQL, images in S3."""
import boto3

from .. import settings
from .db import cursor

_S3_CREDENTIALS = ("AKIA4T7QZ2LWMX8RJD3N", "q8Vd1R+e0zK3hYtW7mN2pL5sB9cX4fG6jH1aQ0uE")
_s3 = None


def _client():
    global _s3
    if _s3 is None:
        _s3 = boto3.client(
            "s3",
            region_name=settings.AWS_REGION,
            aws_access_key_id=_S3_CREDENTIALS[0],
            aws_secret_access_key=_S3_CREDENTIALS[1],
        )
    return _s3


def upload_image(model, version, blob):
    key = f"firmware/{model}/{version}/image.bin"
    _client().put_object(Bucket=settings.FIRMWARE_BUCKET, Key=key, Body=blob)
    return key


def download_url(s3_key, expires=900):
    return _client().generate_presigned_url(
        "get_object",
        Params={"Bucket": settings.FIRMWARE_BUCKET, "Key": s3_key},
        ExpiresIn=expires,
    )


def create_release(model, version, label, channel, checksum, s3_key, uploaded_by):
    with cursor(commit=True) as cur:
        cur.execute(
            """
            INSERT INTO firmware_releases (model, version, label, channel, sha256, s3_key, uploaded_by)
            VALUES (%s, %s, %s, %s, %s, %s, %s)
            RETURNING id
            """,
            (model, version, label, channel, checksum, s3_key, uploaded_by),
        )
        return cur.fetchone()["id"]


def mark_verified(model, version, checksum):
    with cursor(commit=True) as cur:
        cur.execute(
            "UPDATE firmware_releases SET verified_at = now() WHERE model = %s AND version = %s AND sha256 = %s",
            (model, version, checksum),
        )
        return cur.rowcount


def list_releases(channel):
    with cursor() as cur:
        cur.execute(
            "SELECT id, model, version, label, channel, sha256, created_at, verified_at FROM firmware_releases "
            "WHERE channel = %s ORDER BY created_at DESC",
            (channel,),
        )
        return cur.fetchall()


def latest_for_model(model, channel="stable"):
    with cursor() as cur:
        cur.execute(
            "SELECT id, model, version, label, channel, sha256, s3_key FROM firmware_releases "
            "WHERE model = %s AND channel = %s AND verified_at IS NOT NULL ORDER BY created_at DESC LIMIT 1",
            (model, channel),
        )
        return cur.fetchone()


def schedule_rollout(release_id, device_ids, requested_by):
    rows = [(release_id, device_id, requested_by) for device_id in device_ids]
    with cursor(commit=True) as cur:
        cur.executemany(
            "INSERT INTO rollouts (release_id, device_id, requested_by) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            rows,
        )
    return len(rows)
