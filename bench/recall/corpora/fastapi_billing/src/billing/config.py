"""Application settings, loaded from the environment (and a local .env file)."""
from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


API_KEY_HEADER_NAME = "X-Ledgerly-Api-Key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="BILLING_", extra="ignore")

    environment: str = "production"
    app_name: str = "Ledgerly Billing"

    database_url: str = "postgresql+psycopg://ledgerly:Pg7uX2w9LqR4@db.internal:5432/billing"
    reporting_dsn: str = ""

    jwt_secret: SecretStr
    jwt_algorithm: str = "HS256"
    access_token_expire_minutes: int = 60 * 24 * 7
    service_token_audience: str = "ledgerly-integrations"

    session_secret: SecretStr
    allowed_origins: list[str] = ["https://app.ledgerly.io"]

    smtp_host: str = "localhost"
    smtp_port: int = 25
    mail_from: str = "billing@ledgerly.io"

    public_base_url: str = "https://app.ledgerly.io"


@lru_cache
def get_settings() -> Settings:
    return Settings()
