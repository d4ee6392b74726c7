"""Typed settings loaded from environment variables (and `.env` in development)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_ENV_FILE = ".env"


class AppSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="APP_", env_file=_ENV_FILE, extra="ignore")

    name: str = "StudioBook"
    debug: bool = False
    base_url: str = "http://localhost:8000"
    allowed_hosts: list[str] = Field(default_factory=lambda: ["localhost", "127.0.0.1"])
    timezone: str = "Europe/Berlin"


class DatabaseSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DB_", env_file=_ENV_FILE, extra="ignore")

    url: str = "sqlite+aiosqlite:///./studio.db"
    echo: bool = False
    pool_size: int = 10
    max_overflow: int = 5


class SecuritySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SECURITY_", env_file=_ENV_FILE, extra="ignore")

    jwt_secret: SecretStr
    download_signing_key: SecretStr
    access_token_ttl_minutes: int = 30
    refresh_token_ttl_days: int = 14
    refresh_grace_days: int = 7
    portal_session_days: int = 7
    reset_code_ttl_minutes: int = 30

    @field_validator("jwt_secret", "download_signing_key")
    @classmethod
    def _long_enough(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < 32:
            raise ValueError("signing keys must be at least 32 characters")
        return value


class StorageSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="S3_", env_file=_ENV_FILE, extra="ignore")

    bucket: str = "studiobook-dev-media"
    region: str = "eu-central-1"
    endpoint_url: str | None = None
    access_key_id: str | None = None
    secret_access_key: SecretStr | None = None
    upload_url_ttl: int = 900
    download_url_ttl: int = 3600


class PaymentSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAYMENTS_", env_file=_ENV_FILE, extra="ignore")

    api_base: str = "https://api.stripe.com/v1"
    api_key: SecretStr | None = None
    webhook_secret: SecretStr | None = None
    webhook_tolerance_seconds: int = 300
    currency: str = "eur"


class MailSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAIL_", env_file=_ENV_FILE, extra="ignore")

    smtp_url: str = "smtp://localhost:1025"
    from_address: str = Field(default="bookings@localhost", alias="MAIL_FROM")
    reply_to: str | None = None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=_ENV_FILE, extra="ignore")

    environment: Literal["development", "test", "staging", "production"] = "production"
    redis_url: str = "redis://localhost:6379/0"
    ops_api_key: SecretStr | None = None

    app: AppSettings = Field(default_factory=AppSettings)
    db: DatabaseSettings = Field(default_factory=DatabaseSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)  # type: ignore[arg-type]
    storage: StorageSettings = Field(default_factory=StorageSettings)
    payments: PaymentSettings = Field(default_factory=PaymentSettings)
    mail: MailSettings = Field(default_factory=MailSettings)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
