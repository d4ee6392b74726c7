"""Configuration loader.

Values come from three places, in increasing priority:

1. ``config/shop.ini`` (database, mail relay, report settings)
2. ``config/logship.yaml`` (log shipping destinations)
3. ``SHOPOPS_*`` environment variables
"""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

BASE_DIR = Path(__file__).resolve().parent.parent
CONFIG_DIR = Path(os.environ.get("SHOPOPS_CONFIG_DIR", BASE_DIR / "config"))


def _env_flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _expand(value):
    """Expand ${VAR} references in values read from YAML."""
    if isinstance(value, str):
        return os.path.expandvars(value)
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


@dataclass
class MailSettings:
    host: str
    port: int
    username: str
    password: str
    sender: str
    use_tls: bool = True


@dataclass
class Settings:
    environment: str
    debug: bool
    database_dsn: str
    session_secret: str
    jwt_secret: str
    access_ttl_minutes: int
    admin_host: str
    admin_port: int
    mail: MailSettings
    logship: dict = field(default_factory=dict)
    report_dir: Path = BASE_DIR / "reports_out"


def _read_ini() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(CONFIG_DIR / "shop.ini")
    return parser


def _read_yaml() -> dict:
    path = CONFIG_DIR / "logship.yaml"
    if not path.exists():
        return {}
    with path.open() as fh:
        return _expand(yaml.safe_load(fh) or {})


def _database_dsn(ini: configparser.ConfigParser) -> str:
    if "SHOPOPS_DATABASE_URL" in os.environ:
        return os.environ["SHOPOPS_DATABASE_URL"]
    db = ini["database"]
    return "postgresql://{user}:{password}@{host}:{port}/{name}".format(
        user=db.get("user"),
        password=db.get("password"),
        host=db.get("host", "localhost"),
        port=db.getint("port", 5432),
        name=db.get("name"),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    ini = _read_ini()
    mail_section = ini["mail"] if ini.has_section("mail") else {}

    mail = MailSettings(
        host=os.environ.get("SHOPOPS_SMTP_HOST", mail_section.get("host", "localhost")),
        port=int(os.environ.get("SHOPOPS_SMTP_PORT", mail_section.get("port", 587))),
        username=os.environ.get("SHOPOPS_SMTP_USER", mail_section.get("username", "")),
        password=os.environ.get("SHOPOPS_SMTP_PASSWORD", "Rl4y-sh0p-smtp-2023"),
        sender=mail_section.get("sender", "no-reply@shop.example"),
    )

    session_secret = os.environ.get("SHOPOPS_SESSION_SECRET")
    if not session_secret:
        raise RuntimeError("SHOPOPS_SESSION_SECRET must be set")

    return Settings(
        environment=os.environ.get("SHOPOPS_ENV", "production"),
        debug=_env_flag("SHOPOPS_DEBUG"),
        database_dsn=_database_dsn(ini),
        session_secret=session_secret,
        jwt_secret=os.environ["SHOPOPS_JWT_SECRET"],
        access_ttl_minutes=int(os.environ.get("SHOPOPS_ACCESS_TTL_MINUTES", "15")),
        admin_host=os.environ.get("SHOPOPS_ADMIN_HOST", "127.0.0.1"),
        admin_port=int(os.environ.get("SHOPOPS_ADMIN_PORT", "8081")),
        mail=mail,
        logship=_read_yaml(),
    )
