"""Local development and test settings."""
from __future__ import annotations

from .base import BaseAppSettings, Environment


class DevelopmentSettings(BaseAppSettings):
    app_env: Environment = "development"
    debug: bool = True
    log_json: bool = False
    cookie_secure: bool = False
    allowed_hosts: list[str] = ["*"]
    cors_origins: list[str] = ["http://localhost:5173", "http://127.0.0.1:5173"]
    oauth_redirect_base: str = "http://localhost:5173"


class TestingSettings(BaseAppSettings):
    app_env: Environment = "testing"
    debug: bool = False
    log_json: bool = False
    cookie_secure: bool = False
    allowed_hosts: list[str] = ["testserver"]
    database_url: str = "postgresql+psycopg://localhost:5432/shiftboard_test"
    jwt_secret_key: str = "testing-only-jwt-key-0000000000000000000000000000"
    calendar_webhook_secret: str = "testing-webhook-secret"
    db_pool_size: int = 2
