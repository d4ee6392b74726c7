"""Application settings, read from the environment (and from .env during development)."""
from functools import lru_cache
from typing import Literal

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    app_name: str = "Gather"
    environment: Literal["development", "test", "production"] = "production"
    debug: bool = False
    base_url: str = "http://localhost:8000"
    log_level: str = "INFO"

    mongodb_url: str = "mongodb://localhost:27017"
    mongodb_db: str = "gather"
    redis_url: str = "redis://localhost:6379/0"

    jwt_secret: str = "gather-dev-signing-key"
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 60 * 24 * 7
    refresh_token_expire_days: int = 30
    chat_ticket_expire_seconds: int = 60

    cookie_secure: bool = True
    cookie_domain: str | None = None
    allowed_hosts: list[str] = ["gather.events", "www.gather.events"]

    mail_domain: str = "mg.gather.events"
    mail_from: str = "Gather <no-reply@gather.events>"
    mailgun_webhook_signing_key: str = ""

    analytics_db_path: str = "var/analytics.sqlite3"
    metrics_token: str = ""

    @field_validator("base_url")
    @classmethod
    def strip_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()
