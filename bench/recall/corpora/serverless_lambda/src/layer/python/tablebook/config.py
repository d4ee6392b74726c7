"""Runtime settings, read once per Lambda execution environment."""
import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    users_table: str
    staff_table: str
    reservations_table: str
    restaurants_table: str
    rate_limit_table: str
    notifications_queue_url: str
    reports_db_host: str
    reports_db_name: str
    reports_db_user: str
    reports_db_secret_arn: str
    jwt_keys_param: str
    jwt_active_kid: str
    jwt_issuer: str
    receipt_secret_param: str
    payments_webhook_secret: str
    admin_api_key: str
    mail_sender: str
    public_base_url: str
    app_origin: str

    @property
    def is_production(self) -> bool:
        return self.stage == "prod"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    env = os.environ
    return Settings(
        stage=env.get("STAGE", "dev"),
        region=env.get("AWS_REGION", "eu-west-1"),
        users_table=env.get("USERS_TABLE", "tablebook-users"),
        staff_table=env.get("STAFF_TABLE", "tablebook-staff"),
        reservations_table=env.get("RESERVATIONS_TABLE", "tablebook-reservations"),
        restaurants_table=env.get("RESTAURANTS_TABLE", "tablebook-restaurants"),
        rate_limit_table=env.get("RATE_LIMIT_TABLE", "tablebook-rate-limits"),
        notifications_queue_url=env.get("NOTIFICATIONS_QUEUE_URL", ""),
        reports_db_host=env.get("REPORTS_DB_HOST", "localhost"),
        reports_db_name=env.get("REPORTS_DB_NAME", "tablebook_reports"),
        reports_db_user=env.get("REPORTS_DB_USER", "reports"),
        reports_db_secret_arn=env.get("REPORTS_DB_SECRET_ARN", ""),
        jwt_keys_param=env.get("JWT_KEYS_PARAM", ""),
        jwt_active_kid=env.get("JWT_ACTIVE_KID", ""),
        jwt_issuer=env.get("JWT_ISSUER", "https://api.tablebook.example"),
        receipt_secret_param=env.get("RECEIPT_SECRET_PARAM", "/tablebook/receipt-link-secret"),
        payments_webhook_secret=env.get("PAYMENTS_WEBHOOK_SECRET", "whsec_7Qm2fXc9LbT4vR8nZ1pK6sYd3HwE0aUj"),
        admin_api_key=env.get("ADMIN_API_KEY", ""),
        mail_sender=env.get("MAIL_SENDER", "TableBook <bookings@tablebook.example>"),
        public_base_url=env.get("PUBLIC_BASE_URL", "https://api.tablebook.example"),
        app_origin=env.get("APP_ORIGIN", "https://app.tablebook.example"),
    )
