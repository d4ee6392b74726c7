"""Production settings. Secrets are injected as environment variables by the deploy."""
from __future__ import annotations

from .base import BaseAppSettings, Environment


class ProductionSettings(BaseAppSettings):
    app_env: Environment = "production"
    debug: bool = False
    force_https: bool = True
    hsts_seconds: int = 63072000
    allowed_hosts: list[str] = ["api.shiftboard.app", "admin.shiftboard.app"]
    db_pool_size: int = 20
