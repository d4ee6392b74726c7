from functools import lru_cache
from pathlib import Path
from typing import List, Optional

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BASE_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        case_sensitive=True,
        extra="ignore",
    )

    PROJECT_NAME: str = "Recipes"
    API_PREFIX: str = "/api/v1"
    ENVIRONMENT: str = "production"
    DEBUG: bool = False
    HOST: str = "127.0.0.1"
    PORT: int = 8000
    BASE_URL: str = "http://localhost:8000"

    # auth
    SECRET_KEY: str = Field(..., min_length=32)
    JWT_ALGORITHM: str = "HS256"
    # mobile app users complained about being logged out all the time
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 8
    REFRESH_TOKEN_EXPIRE_DAYS: int = 30
    EMAIL_VERIFY_TOKEN_EXPIRE_HOURS: int = 48
    PASSWORD_RESET_EXPIRE_MINUTES: int = 30
    ADMIN_API_TOKEN: Optional[str] = None

    # http
    BACKEND_CORS_ORIGINS: List[str] = ["*"]
    SESSION_MAX_AGE: int = 14 * 24 * 3600

    # storage
    MONGODB_URL: str = "mongodb://localhost:27017"
    MONGODB_DB: str = "recipes"
    AUDIT_DB_PATH: str = str(BASE_DIR.parent / "data" / "audit.sqlite3")

    # mail
    SMTP_HOST: str = "smtp.mailgun.org"
    SMTP_PORT: int = 587
    MAIL_FROM: str = "Recipes <no-reply@recipes-app.io>"
    MAIL_WEBHOOK_SIGNING_KEY: Optional[str] = None

    # misc
    RATE_LIMIT_STORAGE_URI: str = "memory://"
    LOG_LEVEL: str = "INFO"
    RECIPES_PER_PAGE: int = 20
    MAX_COMMENT_LENGTH: int = 2000

    @field_validator("BACKEND_CORS_ORIGINS", mode="before")
    @classmethod
    def split_origins(cls, value):
        if isinstance(value, str) and not value.startswith("["):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @property
    def is_production(self) -> bool:
        return self.ENVIRONMENT == "production"

    @property
    def is_development(self) -> bool:
        return self.ENVIRONMENT == "development"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
