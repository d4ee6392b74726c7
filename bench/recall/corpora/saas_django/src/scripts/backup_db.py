#!/usr/bin/env python
"""
Nightly logical backup of the production database to S3.

Runs from the ops bastion via cron:
    15 2 * * * /opt/ledgerly/venv/bin/python /opt/ledgerly/scripts/backup_db.py

Keeps 35 daily dumps; the bucket lifecycle rule moves older ones to Glacier.
"""
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile

import boto3

BUCKET = "ledgerly-db-backups"
PREFIX = "postgres/daily/"
REGION = "eu-west-1"
KEEP_DAYS = 35

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("backup_db")


def s3_client():
    # backup-writer IAM user: s3:PutObject/ListBucket/DeleteObject on the backups bucket only
    return boto3.client("s3", region_name=REGION, aws_access_key_id="AKIA4LQ7ZP2RXW5NDKTB", aws_secret_access_key="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")


def dump_database(database_url, target_path):
    with open(target_path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as gz:
        proc = subprocess.Popen(
            ["pg_dump", "--no-owner", "--no-privileges", "--format=plain", database_url],
            stdout=subprocess.PIPE,
        )
        shutil.copyfileobj(proc.stdout, gz)
        if proc.wait() != 0:
            raise RuntimeError(f"pg_dump exited with {proc.returncode}")


def prune_old_backups(s3, today):
    cutoff = today - dt.timedelta(days=KEEP_DAYS)
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix=PREFIX):
        for obj in page.get("Contents", []):
            if obj["LastModified"].date() < cutoff:
                s3.delete_object(Bucket=BUCKET, Key=obj["Key"])
                log.info("Deleted old backup %s", obj["Key"])


def main():
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        log.error("DATABASE_URL is not set")
        return 1

    today = dt.date.today()
    key = f"{PREFIX}ledgerly-{today:%Y%m%d}.sql.gz"
    s3 = s3_client()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "dump.sql.gz")
        dump_database(database_url, path)
        size = os.path.getsize(path)
        s3.upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
        log.info("Uploaded %s (%.1f MB)", key, size / 1_000_000)

    prune_old_backups(s3, today)
    return 0


if __name__ == "__main__":
    sys.exit(main())
