"""Settings shared by every environment."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent

Environment = Literal["development", "testing", "production"]


class BaseAppSettings(BaseSettings):
    """Values come from the process environment first, then from ``.env``."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    app_env: Environment = "production"
    app_name: str = "shiftboard"
    debug: bool = False
    log_level: str = "INFO"
    log_json: bool = True

    # storage
    database_url: str = "postgresql+psycopg://shiftboard@localhost:5432/shiftboard"
    reports_dsn: str | None = None  # read replica for the heavy reports
    db_pool_size: int = 10
    redis_url: str = "redis://localhost:6379/0"
    media_root: Path = PROJECT_DIR / "media"
    export_root: Path = PROJECT_DIR / "exports"

    # auth
    jwt_secret_key: str = "shiftboard-jwt-2f9c1d7e"
    jwt_algorithm: str = "HS256"
    jwt_public_key_path: Path | None = None
    jwt_issuer: str = "https://api.shiftboard.app"
    jwt_audience: str = "shiftboard-api"
    access_token_expire_minutes: int = 15
    refresh_token_expire_days: int = 14
    token_url: str = "/auth/token"
    session_cookie_name: str = "sb_session"
    session_ttl_hours: int = 12
    admin_cookie_name: str = "sb_admin"
    csrf_cookie_name: str = "sb_csrf"
    cookie_secure: bool = True
    admin_bootstrap_email: str | None = None
    admin_bootstrap_password: str | None = None
    password_reset_ttl_minutes: int = 30

    # google sign-in
    google_client_id: str = ""
    google_client_secret: str = ""
    oauth_redirect_base: str = "https://app.shiftboard.app"

    # http
    cors_origins: list[str] = ["*"]
    allowed_hosts: list[str] = ["api.shiftboard.app"]
    force_https: bool = False
    hsts_seconds: int = 0

    # integrations
    calendar_webhook_secret: str = ""
    postmark_server_token: str = ""
    mail_from: str = "Shiftboard <no-reply@shiftboard.app>"
    sms_gateway_url: str = "https://sms.shiftboard.app/v1/messages"
    sms_api_key: str = ""

    # housekeeping
    signup_retention_days: int = 90
    reminder_lead_hours: int = 24

    @field_validator("log_level")
    @classmethod
    def _upper_level(cls, value: str) -> str:
        return value.upper()

    @property
    def asyncpg_dsn(self) -> str:
        """asyncpg wants a plain ``postgresql://`` URL without the driver suffix."""
        dsn = self.reports_dsn or self.database_url
        return dsn.replace("postgresql+psycopg://", "postgresql://", 1)

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"
