from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AnyHttpUrl, EmailStr, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

BASE_DIR = Path(__file__).resolve().parent


class Settings(BaseSettings):
    """Application settings, read from the environment and the local ``.env`` file."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    app_name: str = "Acme HR"
    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    log_level: str = "INFO"
    base_url: AnyHttpUrl = "https://hr.acme-corp.com"

    # Database
    database_url: str = "postgresql+psycopg://localhost:5432/hr"
    database_pool_size: int = 10
    database_echo: bool = False

    # Sessions / tokens
    session_secret_key: SecretStr
    session_cookie_name: str = "hr_session"
    session_max_age_seconds: int = 8 * 60 * 60
    jwt_secret_key: SecretStr
    jwt_algorithm: str = "HS256"
    jwt_issuer: str = "acme-hr"
    access_token_expire_minutes: int = 15
    refresh_token_expire_days: int = 14
    password_reset_ttl_minutes: int = 20
    invitation_ttl_days: int = 7

    # HTTP
    allowed_hosts: list[str] = ["hr.acme-corp.com", "*.hr.acme-corp.com", "localhost"]
    cors_origins: list[str] = ["*"]
    redis_url: str = "redis://localhost:6379/0"

    # SSO (Okta)
    sso_enabled: bool = True
    sso_client_id: str = ""
    sso_client_secret: SecretStr = SecretStr("")
    sso_metadata_url: str = "https://acme.okta.com/.well-known/openid-configuration"

    # Slack
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr = SecretStr("")
    slack_leave_channel: str = "#hr-leave"

    # Partner API (benefits provider, occupational health)
    partner_jwks_url: str = "https://auth.benefitsco.example/.well-known/jwks.json"
    partner_jwt_audience: str = "acme-hr-partner-api"

    # Legacy payroll database (read-mostly)
    legacy_payroll_host: str = "payroll-db.internal"
    legacy_payroll_user: str = "hr_sync"

    # Mail
    smtp_host: str = "smtp.acme-corp.com"
    smtp_port: int = 587
    smtp_username: str = "hr-notifications"
    smtp_password: SecretStr = SecretStr("")
    mail_from: EmailStr = "hr-no-reply@acme-corp.com"

    # Payroll exports
    export_dir: Path = Field(default=Path("/var/lib/acme-hr/exports"))
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
