"""Environment-specific settings.

``APP_ENV`` picks the settings class; everything else is read from the
environment (and ``.env`` for local work) by pydantic-settings.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .base import BaseAppSettings
from .development import DevelopmentSettings, TestingSettings
from .production import ProductionSettings

_SETTINGS_BY_ENV: dict[str, type[BaseAppSettings]] = {
    "development": DevelopmentSettings,
    "testing": TestingSettings,
    "production": ProductionSettings,
}


@lru_cache
def get_settings() -> BaseAppSettings:
    env = os.getenv("APP_ENV", "production").strip().lower()
    try:
        settings_cls = _SETTINGS_BY_ENV[env]
    except KeyError:
        raise RuntimeError(
            f"Unknown APP_ENV {env!r}; expected one of {sorted(_SETTINGS_BY_ENV)}"
        ) from None
    return settings_cls()


__all__ = ["BaseAppSettings", "get_settings"]
