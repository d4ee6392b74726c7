"""Application settings.

Everything is read from the environment (prefix ``INKWELL_``) or from a local ``.env`` file.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="INKWELL_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    app_name: str = "Inkwell"
    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    public_base_url: str = "http://localhost:8000"

    # MongoDB
    mongo_uri: str = "mongodb://localhost:27017"
    mongo_db: str = "inkwell"

    # SQLite side-store for view/edit analytics
    analytics_db_path: Path = Path("var/analytics.sqlite3")
    analytics_retention_days: int = 180

    # Auth
    jwt_secret: SecretStr
    jwt_algorithm: Literal["HS256", "HS384", "HS512"] = "HS256"
    access_token_expire_minutes: int = 60 * 24 * 7
    refresh_token_expire_days: int = 30
    email_token_expire_hours: int = 48
    password_reset_expire_minutes: int = 15
    password_reset_max_attempts: int = 5
    admin_api_key: SecretStr
    webhook_secret: SecretStr

    # HTTP
    cors_origins: list[str] = ["*"]
    session_cookie_max_age: int = 60 * 60 * 24 * 7

    # Mail
    mail_backend: Literal["smtp", "console"] = "smtp"
    mail_from: str = "Inkwell <no-reply@inkwell.app>"
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True

    # Rate limits (slowapi syntax)
    login_rate_limit: str = "5/minute"
    signup_rate_limit: str = "5/hour"
    reset_rate_limit: str = "3/15minutes"
    invite_rate_limit: str = "30/hour"

    # Sharing
    share_default_expiry_days: int | None = 30
    max_share_links_per_note: int = 20

    @field_validator("public_base_url")
    @classmethod
    def _strip_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()  # type: ignore[call-arg]


settings = get_settings()
