from functools import lru_cache
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    app_name: str = "Lingua Campus"
    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    log_level: str = "INFO"

    database_url: str = "postgres://lingua@localhost:5432/lingua"
    redis_url: str = "redis://localhost:6379/0"

    jwt_secret: SecretStr
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 60 * 24
    refresh_token_expire_days: int = 14
    magic_link_audience: str = "lingua:magic-link"

    session_secret: str = "3f9c1a7be2d84c0f9a5e6b21d7c48e90"
    session_max_age: int = 60 * 60 * 8

    internal_api_key: SecretStr
    payments_webhook_secret: SecretStr

    allowed_hosts: list[str] = ["campus.lingua.example", "localhost"]

    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    mail_from: str = "Lingua Campus <no-reply@lingua.example>"
    public_base_url: str = "https://campus.lingua.example"

    media_root: str = "media"

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
