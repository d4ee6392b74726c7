#!/usr/bin/env python3
"""Dump the kiosk database to gzipped CSV files and ship them to S3.

Run from cron on the database host (see deploy/crontab).  Each table goes to
its own file inside a dated directory; directories older than
``[backup] keep_days`` are deleted locally.
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
from pathlib import Path

import boto3
import psycopg2

from kiosk import config, logging_setup

log = logging.getLogger("kiosk.backup")

TABLES = (
    "films",
    "screens",
    "showings",
    "customers",
    "bookings",
    "booking_seats",
    "refunds",
    "ledger",
    "staff",
    "devices",
    "admissions",
)


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump_postgres(target):
    conn = psycopg2.connect(config.DATABASE_URL)
    try:
        with conn.cursor() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for table in TABLES:
                path = target / ("%s.csv.gz" % table)
                with gzip.open(path, "wt", encoding="utf-8") as fh:
                    cur.copy_expert(f"COPY {table} TO STDOUT WITH CSV HEADER", fh)
                log.info("dumped %s (%d bytes)", table, path.stat().st_size)
    finally:
        conn.close()


def dump_sqlite(target):
    source = sqlite3.connect(config.DATABASE_URL.split("sqlite:///", 1)[1])
    dest_path = target / "kiosk.sqlite3"
    dest = sqlite3.connect(str(dest_path))
    with dest:
        source.backup(dest)
    dest.close()
    source.close()
    with open(dest_path, "rb") as src, gzip.open(str(dest_path) + ".gz", "wb") as out:
        shutil.copyfileobj(src, out)
    dest_path.unlink()


def write_manifest(target):
    lines = []
    for path in sorted(target.iterdir()):
        if path.name == "MANIFEST":
            continue
        lines.append("%s  %s" % (sha256_file(path), path.name))
    (target / "MANIFEST").write_text("\n".join(lines) + "\n")


def upload(target):
    if not config.BACKUP_BUCKET:
        log.info("no S3 bucket configured, keeping local copy only")
        return
    s3 = boto3.client("s3")
    prefix = "kiosk/%s/" % target.name
    for path in target.iterdir():
        s3.upload_file(str(path), config.BACKUP_BUCKET, prefix + path.name,
                       ExtraArgs={"ServerSideEncryption": "AES256"})
    log.info("uploaded %s to s3://%s/%s", target.name, config.BACKUP_BUCKET, prefix)


def prune(root, keep_days):
    cutoff = dt.date.today() - dt.timedelta(days=keep_days)
    for path in root.iterdir():
        try:
            day = dt.date.fromisoformat(path.name[:10])
        except ValueError:
            continue
        if day < cutoff:
            shutil.rmtree(path)
            log.info("pruned %s", path)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Back up the kiosk database.")
    parser.add_argument("--no-upload", action="store_true")
    args = parser.parse_args(argv)
    logging_setup.configure()

    root = Path(config.BACKUP_DIR)
    target = root / dt.datetime.now().strftime("%Y-%m-%dT%H%M")
    target.mkdir(parents=True, exist_ok=True)
    os.chmod(target, 0o700)

    if config.DATABASE_URL.startswith("sqlite"):
        dump_sqlite(target)
    else:
        dump_postgres(target)
    write_manifest(target)
    if not args.no_upload:
        upload(target)
    prune(root, config.BACKUP_KEEP_DAYS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
