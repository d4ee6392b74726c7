from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration, read from ``INVOICING_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="INVOICING_", env_file=".env", extra="ignore")

    environment: str = "production"
    debug: bool = False
    log_level: str = "INFO"

    database_url: str
    db_pool_min_size: int = 2
    db_pool_max_size: int = 10
    redis_url: str = "redis://localhost:6379/0"

    jwt_secret: str = "invoicing-dev-signing-key"
    jwt_algorithm: str = "HS256"
    access_token_ttl_minutes: int = 15
    refresh_token_ttl_days: int = 14
    share_link_audience: str = "invoice-share"

    portal_cookie_name: str = "portal_session"
    portal_session_ttl_seconds: int = 8 * 60 * 60
    password_reset_ttl_seconds: int = 30 * 60

    public_base_url: str = "https://billing.example.com"
    allowed_hosts: list[str] = Field(default_factory=lambda: ["*"])

    payment_webhook_secret: SecretStr | None = None
    webhook_timeout_seconds: float = 5.0
    webhook_max_attempts: int = 6

    mail_from: str = "billing@example.com"
    smtp_host: str = "localhost"
    smtp_port: int = 587

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()
