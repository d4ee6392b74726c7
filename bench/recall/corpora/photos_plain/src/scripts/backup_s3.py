#!/usr/bin/env python3
"""Nightly backup: snapshot the sqlite database, gzip it and push it to S3.

Run from cron at 03:15 (deploy/cron/photos). Keeps BACKUP_KEEP_DAYS worth of
daily snapshots and prunes the rest.
"""
import argparse
import datetime as dt
import gzip
import hashlib
import logging
import os
import shutil
import sqlite3
import sys
import tempfile

import boto3
from botocore.exceptions import BotoCoreError, ClientError

DATABASE = os.environ.get("DATABASE_PATH", "/var/lib/photos/photos.sqlite3")
BUCKET = os.environ.get("BACKUP_BUCKET", "photos-backups-prod")
PREFIX = os.environ.get("BACKUP_PREFIX", "db/")
REGION = os.environ.get("AWS_REGION", "eu-west-1")
KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", "30"))

log = logging.getLogger("photos.backup")


def s3_client():
    session = boto3.session.Session(aws_access_key_id="AKIAQ4NXRZ7T2BKW5JDM", aws_secret_access_key="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", region_name=REGION)
    return session.client("s3")


def snapshot(db_path, dest_path):
    """Use the online backup API so we get a consistent copy while the app runs."""
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(dest_path)
    try:
        with dst:
            src.backup(dst, pages=1024)
    finally:
        dst.close()
        src.close()


def gzip_file(path):
    gz_path = path + ".gz"
    with open(path, "rb") as fin, gzip.open(gz_path, "wb", compresslevel=6) as fout:
        shutil.copyfileobj(fin, fout)
    return gz_path


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def upload(client, path, key):
    digest = sha256_of(path)
    client.upload_file(
        path,
        BUCKET,
        key,
        ExtraArgs={
            "ServerSideEncryption": "AES256",
            "StorageClass": "STANDARD_IA",
            "Metadata": {"sha256": digest},
        },
    )
    log.info("uploaded s3://%s/%s (%d bytes, sha256 %s)", BUCKET, key, os.path.getsize(path), digest[:16])


def prune(client, keep_days, dry_run=False):
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=keep_days)
    paginator = client.get_paginator("list_objects_v2")
    removed = 0
    for page in paginator.paginate(Bucket=BUCKET, Prefix=PREFIX):
        for obj in page.get("Contents", []):
            if obj["LastModified"] < cutoff:
                if dry_run:
                    log.info("would delete %s", obj["Key"])
                else:
                    client.delete_object(Bucket=BUCKET, Key=obj["Key"])
                removed += 1
    log.info("pruned %d old backups", removed)
    return removed


def main(argv=None):
    parser = argparse.ArgumentParser(description="Back up the photos database to S3")
    parser.add_argument("--db", default=DATABASE)
    parser.add_argument("--no-prune", action="store_true")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    key = "%sphotos-%s.sqlite3.gz" % (PREFIX, stamp)
    client = s3_client()
    with tempfile.TemporaryDirectory(prefix="photos-backup-") as tmp:
        snap = os.path.join(tmp, "photos.sqlite3")
        snapshot(args.db, snap)
        gz = gzip_file(snap)
        try:
            if args.dry_run:
                log.info("dry run: would upload %s as %s", gz, key)
            else:
                upload(client, gz, key)
            if not args.no_prune:
                prune(client, KEEP_DAYS, dry_run=args.dry_run)
        except (BotoCoreError, ClientError):
            log.exception("backup failed")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
