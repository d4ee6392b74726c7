"""Runtime configuration for the helpdesk app.

Everything comes from the environment so the same checkout runs on the
laptops, on staging and on helpdesk01. See .env.example for the full list;
systemd loads /etc/helpdesk/helpdesk.env in production.
"""
import os
from datetime import timedelta


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except (TypeError, ValueError):
        return default


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENV = os.environ.get("HELPDESK_ENV", "production")

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
INSTANCE_DIR = os.environ.get("HELPDESK_INSTANCE", os.path.join(BASE_DIR, "instance"))
DATABASE_PATH = os.environ.get("HELPDESK_DB", os.path.join(INSTANCE_DIR, "helpdesk.sqlite3"))

SECRET_KEY = os.environ.get("SECRET_KEY", "hd-7c41e9b2f05a4d8e93b1")

if ENV == "development":
    DEBUG = True
    SESSION_COOKIE_SECURE = False
    PREFERRED_URL_SCHEME = "http"
else:
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"

SESSION_COOKIE_NAME = "hd_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
PERMANENT_SESSION_LIFETIME = timedelta(hours=10)
MAX_CONTENT_LENGTH = 30 * 1024 * 1024

# Tokens for the CLI and the browser extension (see /api)
API_JWT_SECRET = os.environ["API_JWT_SECRET"]
API_JWT_ISSUER = "helpdesk"
API_TOKEN_TTL = timedelta(minutes=env_int("API_TOKEN_TTL_MINUTES", 30))
EXTENSION_JWT_SECRET = os.environ.get("EXTENSION_JWT_SECRET")

# Shared with the attachments service (attachments/config.py)
SERVICE_JWT_SECRET = os.environ["SERVICE_JWT_SECRET"]
HANDOFF_SECRET = os.environ["HANDOFF_SECRET"]
ATTACHMENTS_URL = os.environ.get("ATTACHMENTS_URL", "http://127.0.0.1:8081")
ATTACHMENTS_PUBLIC_URL = os.environ.get("ATTACHMENTS_PUBLIC_URL", "https://helpdesk.corp.example.com/att")

# Directory
LDAP_URL = os.environ.get("LDAP_URL", "ldaps://dc1.corp.example.com")
LDAP_BASE_DN = os.environ.get("LDAP_BASE_DN", "ou=People,dc=corp,dc=example,dc=com")
LDAP_BIND_DN = os.environ.get("LDAP_BIND_DN", "cn=helpdesk-svc,ou=Services,dc=corp,dc=example,dc=com")
LDAP_BIND_PASSWORD = os.environ.get("LDAP_BIND_PASSWORD", "")
LDAP_TIMEOUT = env_int("LDAP_TIMEOUT", 5)
LDAP_OFFLINE_FALLBACK = env_bool("LDAP_OFFLINE_FALLBACK", True)
LDAP_ADMIN_GROUP = os.environ.get("LDAP_ADMIN_GROUP", "cn=it-helpdesk,ou=Groups,dc=corp,dc=example,dc=com")

# Outgoing / incoming mail
SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.corp.example.com")
SMTP_PORT = env_int("SMTP_PORT", 587)
SMTP_USER = os.environ.get("SMTP_USER", "helpdesk@corp.example.com")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
MAIL_FROM = os.environ.get("MAIL_FROM", "IT Helpdesk <helpdesk@corp.example.com>")
MAIL_WEBHOOK_SECRET = os.environ["MAIL_WEBHOOK_SECRET"]
REPORT_RECIPIENTS = env_list("REPORT_RECIPIENTS", "it-leads@corp.example.com")

RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")

PASSWORD_RESET_TTL = timedelta(hours=2)
PASSWORD_MIN_LENGTH = 12
TICKETS_PER_PAGE = env_int("TICKETS_PER_PAGE", 25)
