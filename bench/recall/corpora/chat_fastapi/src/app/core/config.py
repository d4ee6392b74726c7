"""Application settings.

Everything is read from the environment (or a local ``.env``).  The
development profile is only used when ``ENVIRONMENT=development`` is set
explicitly; anything else gets the production defaults.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=True,
    )

    PROJECT_NAME: str = "Huddle"
    ENVIRONMENT: Literal["development", "test", "staging", "production"] = "production"
    DEBUG: bool = False
    API_PREFIX: str = "/api/v1"
    LOG_LEVEL: str = "INFO"

    # database / cache
    DATABASE_URL: str = "postgresql+asyncpg://chat@localhost:5432/chat"
    DB_ECHO: bool = False
    DB_POOL_SIZE: int = 10
    REDIS_URL: str = "redis://localhost:6379/0"

    # auth
    JWT_SECRET_KEY: SecretStr
    JWT_ALGORITHM: str = "HS256"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 7
    REFRESH_TOKEN_COOKIE: str = "huddle_refresh"
    ACCESS_TOKEN_COOKIE: str = "huddle_access"
    CSRF_COOKIE: str = "huddle_csrf"
    ADMIN_COOKIE: str = "huddle_admin"
    ADMIN_SESSION_HOURS: int = 8
    COOKIE_SECURE: bool = True
    COOKIE_DOMAIN: str | None = None
    LEGACY_PASSWORD_SALT: str = ""
    PASSWORD_RESET_TTL_MINUTES: int = 15
    PASSWORD_RESET_MAX_ATTEMPTS: int = 5
    LOGIN_RATE_LIMIT: str = "5/minute"

    # http
    ALLOWED_HOSTS: list[str] = ["huddle.chat", "api.huddle.chat", "*"]
    CORS_ORIGINS: list[str] = ["*"]
    PUBLIC_APP_URL: str = "https://huddle.chat"

    # mail
    SMTP_HOST: str = "localhost"
    SMTP_PORT: int = 587
    SMTP_USERNAME: str = ""
    SMTP_PASSWORD: SecretStr = SecretStr("")
    SMTP_STARTTLS: bool = True
    MAIL_FROM: str = "Huddle <no-reply@huddle.chat>"
    MAILER_WEBHOOK_SECRET: SecretStr = SecretStr("")

    # digests
    DIGEST_HOUR_UTC: int = 7
    DIGEST_MAX_MESSAGES: int = 30

    # uploads / misc
    MAX_MESSAGE_LENGTH: int = 4000
    MESSAGE_PAGE_SIZE: int = 50

    @field_validator("ALLOWED_HOSTS", "CORS_ORIGINS", mode="before")
    @classmethod
    def _split_csv(cls, value):
        if isinstance(value, str) and not value.startswith("["):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @property
    def is_production(self) -> bool:
        return self.ENVIRONMENT == "production"


class DevelopmentSettings(Settings):
    DEBUG: bool = True
    DB_ECHO: bool = True
    COOKIE_SECURE: bool = False
    LOG_LEVEL: str = "DEBUG"
    PUBLIC_APP_URL: str = "http://localhost:3000"


class TestSettings(Settings):
    DATABASE_URL: str = "sqlite+aiosqlite:///./test.sqlite3"
    COOKIE_SECURE: bool = False
    LOGIN_RATE_LIMIT: str = "1000/minute"


_PROFILES: dict[str, type[Settings]] = {
    "development": DevelopmentSettings,
    "test": TestSettings,
}


@lru_cache
def get_settings() -> Settings:
    profile = os.environ.get("ENVIRONMENT", "production")
    return _PROFILES.get(profile, Settings)()


settings = get_settings()
