"""Configuration from the environment (or a git-ignored `.env` next to this package's folder).

Nothing secret has a default here. If `SECRET_KEY` is missing, the process makes a random
key for itself and logs a warning: CSRF and API tokens then stop being valid when the process
stops, and several worker processes would not accept each other's tokens. Set it in production.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
from functools import cached_property
from pathlib import Path

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_DIR = Path(__file__).resolve().parent.parent
logger = logging.getLogger("notes.settings")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=APP_DIR / ".env", extra="ignore")

    secret_key: SecretStr | None = None
    debug: bool = False
    allowed_hosts: str = "localhost,127.0.0.1"
    # Only for trying the app over plain http on this machine: COOKIE_SECURE=false.
    cookie_secure: bool = True
    database_path: Path = Path(tempfile.gettempdir()) / "secure-notes.sqlite3"
    access_token_minutes: int = 15

    @field_validator("secret_key")
    @classmethod
    def long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("SECRET_KEY must be at least 32 characters (python -c 'import secrets; "
                             "print(secrets.token_hex(32))')")
        return value

    @cached_property
    def signing_key(self) -> str:
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        logger.warning("SECRET_KEY is not set: using a random key for this process only; "
                       "CSRF and API tokens stop being valid when it stops")
        return secrets.token_hex(32)

    @property
    def host_list(self) -> list[str]:
        return [host.strip() for host in self.allowed_hosts.split(",") if host.strip()]


settings = Settings()
