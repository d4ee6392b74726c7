#!/usr/bin/env python
"""Run the API locally with `chalice local` against DynamoDB Local (see docker-compose.yml).

    docker compose up -d
    python scripts/dev_server.py
"""
import os
import subprocess
import sys
from pathlib import Path

from dotenv import load_dotenv

ROOT = Path(__file__).resolve().parents[1]


def main():
    load_dotenv(ROOT / ".env")
    os.environ.setdefault("STAGE", "dev")
    os.environ.setdefault("DYNAMODB_ENDPOINT", "http://localhost:8001")
    host = os.environ.get("DEV_HOST", "127.0.0.1")
    port = os.environ.get("DEV_PORT", "8000")
    command = ["chalice", "local", "--stage", "dev", "--host", host, "--port", port, "--autoreload"]
    print("Starting:", " ".join(command))
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
