"""One-off import of scanned leases from the old file share bucket.

Copies every object under legacy-scans/<property code>/ into the new
document bucket and prints a CSV mapping for the ops team.
"""
import csv
import sys

import boto3

LEGACY_BUCKET = "harbor-legacy-fileshare"
TARGET_BUCKET = "harbor-tenant-documents"

legacy = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIA4HX7QZ2MLRB9KD3T",
    aws_secret_access_key="w8Jr5Zk1pQ0vN3yT6uC2hLx9FbE4sGmA7dVoR1iK",
)
target = boto3.client("s3", region_name="eu-west-1")


def main(prefix: str = "legacy-scans/") -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(["legacy_key", "new_key"])
    paginator = legacy.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=LEGACY_BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            body = legacy.get_object(Bucket=LEGACY_BUCKET, Key=obj["Key"])["Body"].read()
            new_key = "imported/" + obj["Key"].removeprefix(prefix)
            target.put_object(Bucket=TARGET_BUCKET, Key=new_key, Body=body, ServerSideEncryption="AES256")
            writer.writerow([obj["Key"], new_key])


if __name__ == "__main__":
    main(*sys.argv[1:])
