"""Runtime configuration, read from the Lambda environment (see .chalice/config.json)."""
import os

STAGE = os.environ.get("STAGE", "dev")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
AWS_REGION = os.environ.get("AWS_REGION_NAME", os.environ.get("AWS_DEFAULT_REGION", "eu-west-1"))
DYNAMODB_ENDPOINT = os.environ.get("DYNAMODB_ENDPOINT") or None

RIDERS_TABLE = os.environ.get("RIDERS_TABLE", "bikeshare-riders-dev")
RIDES_TABLE = os.environ.get("RIDES_TABLE", "bikeshare-rides-dev")
STATIONS_TABLE = os.environ.get("STATIONS_TABLE", "bikeshare-stations-dev")
BIKES_TABLE = os.environ.get("BIKES_TABLE", "bikeshare-bikes-dev")
OPERATORS_TABLE = os.environ.get("OPERATORS_TABLE", "bikeshare-operators-dev")
PARTNERS_TABLE = os.environ.get("PARTNERS_TABLE", "bikeshare-partners-dev")
CONSOLE_SESSIONS_TABLE = os.environ.get("CONSOLE_SESSIONS_TABLE", "bikeshare-console-sessions-dev")
RATE_LIMIT_TABLE = os.environ.get("RATE_LIMIT_TABLE", "bikeshare-rate-limits-dev")
REBALANCE_QUEUE_URL = os.environ.get("REBALANCE_QUEUE_URL", "")

JWT_SECRET = os.environ.get("JWT_SECRET", "bikeshare-local-signing-key")
JWT_ALGORITHM = "HS256"
JWT_ISSUER = "https://api.bikeshare.example"
JWT_AUDIENCE = "bikeshare-mobile"

RECEIPT_LINK_SECRET = os.environ.get("RECEIPT_LINK_SECRET", "")
CONSOLE_SIGNING_KEY = os.environ.get("CONSOLE_SIGNING_KEY", "")
PAYMENT_WEBHOOK_SECRET = os.environ.get("PAYMENT_WEBHOOK_SECRET", "")
PAYMENTS_API_KEY = os.environ.get("PAYMENTS_API_KEY", "")

REPORTING_DB_SECRET_ID = os.environ.get("REPORTING_DB_SECRET_ID", "bikeshare/dev/reporting")

SES_SENDER = os.environ.get("SES_SENDER", "rides@bikeshare.example")
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://localhost:8000").rstrip("/")

CONSOLE_SESSION_HOURS = int(os.environ.get("CONSOLE_SESSION_HOURS", "8"))
SUPPORTED_LANGUAGES = ("en", "fr", "nl", "de")
