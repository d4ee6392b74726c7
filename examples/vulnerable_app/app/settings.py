"""Configuration: one set of values for every environment, secrets written into the code."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dotenv import load_dotenv

load_dotenv()

# Read from .env when it is there, otherwise the value below is used.
SECRET_KEY = os.getenv("SECRET_KEY", "dev-secret-key-change-me-later")
JWT_SECRET = "secret"
SMTP_PASSWORD = "mailrelay-Pa55w0rd-2024"

DEBUG = True
ALLOWED_HOSTS = ["*"]

DATABASE_PATH = os.getenv("DATABASE_PATH", str(Path(tempfile.gettempdir()) / "vulnerable-notes.sqlite3"))

TEST_USER_EMAIL = "alice@example.com"
TEST_USER_PASSWORD = "correct-horse-battery-staple"
