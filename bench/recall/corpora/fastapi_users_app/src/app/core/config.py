from functools import lru_cache
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings, read from INVOICELY_* environment variables (or .env)."""

    model_config = SettingsConfigDict(
        env_prefix="INVOICELY_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    log_level: str = "INFO"
    app_name: str = "Invoicely"
    base_url: str = "https://app.invoicely.io"
    allowed_hosts: list[str] = ["app.invoicely.io", "api.invoicely.io"]

    # Database
    database_url: str
    statement_timeout_ms: int = 15_000

    # Authentication
    jwt_secret: SecretStr
    reset_password_token_secret: SecretStr
    verification_token_secret: SecretStr
    web_session_lifetime_seconds: int = 60 * 60
    api_token_lifetime_seconds: int = 60 * 60 * 24 * 30
    accountant_link_lifetime_days: int = 14

    # Rate limiting (slowapi / limits storage URI)
    rate_limit_storage_uri: str = "memory://"

    # Integrations
    payments_webhook_secret: SecretStr
    ledgerly_public_keys: dict[str, str] = {}
    metrics_token: SecretStr | None = None
    pdf_bucket: str | None = None

    # Files
    pdf_storage_dir: str = "/var/lib/invoicely/pdf"
    export_dir: str = "/var/lib/invoicely/exports"

    # Mail
    smtp_host: str = "localhost"
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = True
    mail_from: str = "Invoicely <billing@invoicely.io>"

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
