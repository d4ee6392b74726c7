import os

from starlette.config import Config
from starlette.datastructures import Secret

config = Config(os.environ.get("ATTACHMENTS_ENV_FILE", "/etc/helpdesk/attachments.env"))

DATABASE = config("ATTACHMENTS_DB", default="/var/lib/helpdesk/attachments.sqlite3")
STORAGE_DIR = config("ATTACHMENTS_STORAGE", default="/var/lib/helpdesk/files")
MAX_UPLOAD_BYTES = config("ATTACHMENTS_MAX_UPLOAD", cast=int, default=25 * 1024 * 1024)

SESSION_SECRET = config("ATTACHMENTS_SESSION_SECRET", cast=Secret)
HANDOFF_SECRET = config("HANDOFF_SECRET", cast=Secret)
SERVICE_JWT_SECRET = config("SERVICE_JWT_SECRET", cast=Secret)

SESSION_COOKIE = "att_session"
SESSION_MAX_AGE = 8 * 3600
DOWNLOAD_TOKEN_TTL = 15 * 60
SHARE_DEFAULT_DAYS = config("ATTACHMENTS_SHARE_DAYS", cast=int, default=7)

# mounted under /att by nginx
ROOT_PATH = config("ATTACHMENTS_ROOT_PATH", default="/att")
PUBLIC_URL = config("ATTACHMENTS_PUBLIC_URL", default="https://helpdesk.corp.example.com/att")
HELPDESK_URL = config("HELPDESK_URL", default="https://helpdesk.corp.example.com")

HOST = config("ATTACHMENTS_HOST", default="127.0.0.1")
PORT = config("ATTACHMENTS_PORT", cast=int, default=8081)
