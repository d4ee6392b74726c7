"""Application settings, read from the environment and an optional ``.env`` file."""

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    log_level: str = "INFO"
    base_url: str = "https://developers.example.com"

    database_url: str = "postgresql+asyncpg://localhost:5432/devportal"
    redis_url: str = "redis://localhost:6379/0"

    session_secret: SecretStr
    allowed_hosts: list[str] = Field(default_factory=lambda: ["developers.example.com"])

    # Tokens handed to API clients. Keys are a JSON object of kid -> secret so they can be rotated.
    jwt_signing_keys: dict[str, SecretStr]
    jwt_active_kid: str
    jwt_issuer: str = "https://developers.example.com"
    access_token_ttl_minutes: int = 60 * 24 * 7
    refresh_token_ttl_days: int = 30

    # Sign-in providers
    github_client_id: str
    github_client_secret: SecretStr
    github_webhook_secret: SecretStr
    google_client_id: str = ""
    google_client_secret: SecretStr = SecretStr("")

    # Outbound mail
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_username: str = ""
    smtp_password: SecretStr = SecretStr("")
    mail_from: str = "Example Developers <developers@example.com>"

    # Prometheus scrape credentials
    metrics_username: str = "prometheus"
    metrics_password: SecretStr

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()  # type: ignore[call-arg]
