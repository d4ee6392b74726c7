#!/usr/bin/env python
"""Block until the database accepts connections (used by the container entrypoint)."""
import os
import sys
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError


def main(timeout=60):
    url = os.environ.get("DATABASE_URL")
    if not url:
        print("DATABASE_URL is not set", file=sys.stderr)
        return 1
    engine = create_engine(url, pool_pre_ping=True)
    deadline = time.monotonic() + timeout
    while True:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            print("database is up")
            return 0
        except OperationalError:
            if time.monotonic() > deadline:
                print("database did not come up in time", file=sys.stderr)
                return 1
            time.sleep(2)


if __name__ == "__main__":
    sys.exit(main())
