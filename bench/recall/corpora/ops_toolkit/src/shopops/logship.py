"""Ship JSON log lines from local files to the central collector.

Run from cron or a systemd timer::

    python -m shopops.logship /var/log/shopops/*.jsonl
"""
from __future__ import annotations

import argparse
import glob
import json
import logging
import random
import time
from pathlib import Path

import requests

from .config import get_settings

log = logging.getLogger("shopops.logship")

REDACT_KEYS = {"password", "token", "authorization", "cookie", "card_number", "api_key"}


def redact(record: dict) -> dict:
    clean = {}
    for key, value in record.items():
        if key.lower() in REDACT_KEYS:
            clean[key] = "[redacted]"
        elif isinstance(value, dict):
            clean[key] = redact(value)
        else:
            clean[key] = value
    return clean


class LogShipper:
    def __init__(self, endpoint: str, api_key: str, batch_size: int = 500, max_attempts: int = 5):
        self.endpoint = endpoint
        self.api_key = api_key
        self.batch_size = batch_size
        self.max_attempts = max_attempts
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"

    @classmethod
    def from_settings(cls) -> "LogShipper":
        conf = get_settings().logship.get("collector", {})
        return cls(conf["url"], conf["api_key"], int(conf.get("batch_size", 500)))

    def _backoff(self, attempt: int) -> float:
        return min(60.0, 2 ** attempt) + random.uniform(0, 1.0)

    def _post(self, batch: list[dict]) -> None:
        for attempt in range(self.max_attempts):
            try:
                resp = self.session.post(self.endpoint, json=batch, timeout=10)
                if resp.status_code < 500:
                    resp.raise_for_status()
                    return
            except requests.ConnectionError:
                pass
            delay = self._backoff(attempt)
            log.warning("collector unavailable, retrying in %.1fs (attempt %d)", delay, attempt + 1)
            time.sleep(delay)
        raise RuntimeError(f"giving up on batch of {len(batch)} records")

    def ship_file(self, path: Path) -> int:
        sent = 0
        batch: list[dict] = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                batch.append(redact(json.loads(line)))
                if len(batch) >= self.batch_size:
                    self._post(batch)
                    sent += len(batch)
                    batch = []
        if batch:
            self._post(batch)
            sent += len(batch)
        return sent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("patterns", nargs="+")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    shipper = LogShipper.from_settings()
    for pattern in args.patterns:
        for name in sorted(glob.glob(pattern)):
            count = shipper.ship_file(Path(name))
            log.info("shipped %d records from %s", count, name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
