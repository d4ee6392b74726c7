"""Runtime configuration that does not belong in the .ini files.

Most settings come from development.ini / production.ini.  Secrets are
injected through environment variables by the container runtime and copied
into the settings dict by :func:`apply_environment_overrides`.
"""
import os

#: bcrypt work factor for local account passwords
BCRYPT_ROUNDS = 10
MIN_PASSWORD_LENGTH = 10

#: key used to sign the auth_tkt cookie
AUTH_SECRET = os.environ.get("PAGEBOOK_AUTH_SECRET", "pb-authtkt-2f9c41e7d08a5b36c1e4")

#: lifetime of a login, in seconds
AUTH_TIMEOUT = int(os.environ.get("PAGEBOOK_AUTH_TIMEOUT", 8 * 3600))

LDAP_URL = os.environ.get("PAGEBOOK_LDAP_URL", "ldap://localhost:389")

# environment variable -> settings key
_ENV_OVERRIDES = {
    "PAGEBOOK_DATABASE_URL": "sqlalchemy.url",
    "PAGEBOOK_SESSION_SECRET": "session.secret",
    "PAGEBOOK_API_SIGNING_KEY": "api.signing_key",
    "PAGEBOOK_DOWNLOAD_KEY": "attachments.link_key",
    "PAGEBOOK_LDAP_BIND_PASSWORD": "ldap.bind_password",
    "PAGEBOOK_SYNC_PASSWORD": "sync.password",
    "PAGEBOOK_GIT_WEBHOOK_SECRET": "webhook.git_secret",
    "PAGEBOOK_SMTP_PASSWORD": "mail.password",
    "PAGEBOOK_REDIS_URL": "ratelimit.storage_url",
}


def apply_environment_overrides(settings):
    for env_name, key in _ENV_OVERRIDES.items():
        value = os.environ.get(env_name)
        if value:
            settings[key] = value
    return settings


def require_setting(settings, key):
    value = settings.get(key)
    if not value:
        raise RuntimeError(f"missing required setting {key!r}")
    return value


def is_production(settings):
    return settings.get("pagebook.env", "production") == "production"
