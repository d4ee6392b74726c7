#!/usr/bin/env python
"""Provision door scanners for a venue and write their keys to a CSV for the ops team.

    python scripts/create_scanner_devices.py --venue paradiso-amsterdam --count 6 --out scanners.csv
"""
import argparse
import csv
import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ticketing.settings.dev")

import django  # noqa: E402

django.setup()

from accounts.models import ScannerDevice  # noqa: E402
from venues.models import Venue  # noqa: E402

logger = logging.getLogger("tixly.scripts")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venue", required=True, help="venue slug")
    parser.add_argument("--count", type=int, default=4)
    parser.add_argument("--prefix", default="Door")
    parser.add_argument("--out", required=True, help="CSV file to write (created with mode 0600)")
    args = parser.parse_args(argv)

    venue = Venue.objects.filter(slug=args.venue).first()
    if venue is None:
        parser.error(f"no venue with slug {args.venue!r}")

    existing = venue.scanners.count()
    fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    token_count = 0
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["device_id", "name", "key"])
        for n in range(existing + 1, existing + args.count + 1):
            device, raw_key = ScannerDevice.create_with_key(f"{args.prefix} {n}", venue)
            writer.writerow([device.pk, device.name, raw_key])
            token_count += 1

    logger.info("Created %d scanner tokens for venue %s", token_count, venue.slug)
    print(f"Wrote {token_count} scanner keys to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
