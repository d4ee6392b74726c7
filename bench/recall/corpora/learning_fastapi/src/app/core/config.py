"""Application settings, loaded from the environment and `.env` files."""
from functools import lru_cache
from typing import Literal

from pydantic import AnyHttpUrl, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=(".env", ".env.local"),
        env_file_encoding="utf-8",
        extra="ignore",
    )

    project_name: str = "LearnHub"
    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    api_prefix: str = "/api/v1"

    database_url: str
    redis_url: str = "redis://redis:6379/0"

    jwt_secret: SecretStr
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 60 * 24 * 7
    refresh_token_expire_days: int = 30
    partner_token_audience: str = "learnhub-partners"

    session_secret: SecretStr
    force_https: bool = True
    cors_origins: list[str] = []

    public_base_url: AnyHttpUrl = "https://app.learnhub.io"
    mail_from: str = "LearnHub <no-reply@learnhub.io>"
    mailgun_domain: str = "mg.learnhub.io"

    log_level: str = "INFO"
    log_json: bool = True

    @property
    def is_development(self) -> bool:
        return self.environment == "development"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
