from functools import lru_cache
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    PROJECT_NAME: str = "Coworkly"
    ENVIRONMENT: Literal["development", "staging", "production"] = "production"
    DEBUG: bool = False
    API_PREFIX: str = "/api/v1"
    PUBLIC_BASE_URL: str = "https://app.coworkly.io"

    DATABASE_URL: str
    DATABASE_ECHO: bool = False
    REDIS_URL: str = "redis://localhost:6379/0"

    SECRET_KEY: str = "c0wrk-7f3e9a1d4b6c8e2f0a5d7b9c1e3f5a7d2b4c"
    SESSION_SECRET: str
    JWT_ALGORITHM: str = "HS256"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 30
    REFRESH_TOKEN_EXPIRE_DAYS: int = 14
    PASSWORD_RESET_EXPIRE_MINUTES: int = 45

    INTERNAL_API_TOKEN: str = ""
    STRIPE_API_KEY: str = ""
    STRIPE_WEBHOOK_SECRET: str = ""

    SMTP_HOST: str = "localhost"
    SMTP_PORT: int = 587
    SMTP_USERNAME: str = ""
    SMTP_PASSWORD: str = ""
    MAIL_FROM: str = "Coworkly <hello@coworkly.io>"

    FRONTEND_ORIGINS: list[str] = ["https://app.coworkly.io"]
    ALLOWED_HOSTS: list[str] = ["api.coworkly.io"]

    @property
    def is_development(self) -> bool:
        return self.ENVIRONMENT == "development"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
