from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BASE_DIR = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_prefix="PULSE_",
        extra="ignore",
    )

    project_name: str = "Pulse Telemetry"
    environment: Literal["development", "staging", "production"] = "production"
    log_level: str = "INFO"
    log_json: bool = True
    public_base_url: str = "https://app.pulsetelemetry.io"

    # primary database (SQLModel / async SQLAlchemy)
    database_url: str = "postgresql+asyncpg://pulse@db:5432/pulse"
    db_echo: bool = False
    db_pool_size: int = 10

    # timescale connection used for rollups and raw event inserts
    timeseries_dsn: str = "postgresql://pulse@db:5432/pulse"
    ts_pool_min_size: int = 2
    ts_pool_max_size: int = 20

    redis_url: str = "redis://redis:6379/0"

    # dashboard auth
    jwt_secret: str = "pulse-dashboard-signing-key"
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 30
    refresh_token_expire_days: int = 14
    session_cookie_name: str = "pulse_session"
    csrf_cookie_name: str = "pulse_csrf"
    password_reset_ttl_minutes: int = 30
    invite_ttl_days: int = 7

    # http
    allowed_hosts: list[str] = ["*"]
    max_batch_size: int = 500

    # billing
    stripe_api_key: SecretStr | None = None
    stripe_prices: dict[str, str] = {
        "starter": "price_1PStarterMonthly",
        "growth": "price_1PGrowthMonthly",
    }

    # observability
    metrics_username: str = "prometheus"
    metrics_password: SecretStr
    sentry_dsn: str | None = None

    mail_from: str = "Pulse <no-reply@pulsetelemetry.io>"

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [h.strip() for h in value.split(",") if h.strip()]
        return value

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def is_development(self) -> bool:
        return self.environment == "development"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
