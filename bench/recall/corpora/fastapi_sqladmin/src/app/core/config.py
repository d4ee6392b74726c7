from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    PROJECT_NAME: str = "Harbor Property Back Office"
    ENVIRONMENT: str = "production"
    DEBUG: bool = False

    DATABASE_URL: str = Field(..., description="postgresql+asyncpg://user:pass@host/db")
    SYNC_DATABASE_URL: str | None = None

    # Auth
    JWT_SECRET_KEY: str = "harbor-backoffice-jwt-signing-key"
    JWT_ALGORITHM: str = "HS256"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 7
    REFRESH_TOKEN_EXPIRE_DAYS: int = 14
    TOKEN_TYPE: str = "bearer"

    SESSION_SECRET_KEY: str = Field(..., min_length=32)
    INVITE_LINK_SALT: str = "tenant-invitation"
    INVITE_LINK_MAX_AGE: int = 60 * 60 * 72

    ADMIN_USERNAME: str = "admin"
    ADMIN_PASSWORD: str | None = None

    # Storage
    AWS_REGION: str = "eu-west-1"
    AWS_ACCESS_KEY_ID: str | None = None
    AWS_SECRET_ACCESS_KEY: str | None = None
    S3_BUCKET: str = "harbor-tenant-documents"
    S3_PRESIGN_TTL_SECONDS: int = 900

    # Mail
    MAIL_USERNAME: str = ""
    MAIL_PASSWORD: str = ""
    MAIL_FROM: str = "no-reply@harbor-pm.example"
    MAIL_SERVER: str = "smtp.postmarkapp.com"
    MAIL_PORT: int = 587

    PAYMENTS_WEBHOOK_SECRET: str = Field(..., min_length=32)

    ALLOWED_HOSTS: list[str] = ["backoffice.harbor-pm.example", "portal.harbor-pm.example"]
    PORTAL_BASE_URL: str = "https://portal.harbor-pm.example"

    @property
    def is_production(self) -> bool:
        return self.ENVIRONMENT == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
