"""Connections to the MySQL reporting database on RDS."""
import os

import pymysql
from pymysql.cursors import DictCursor

from .config import get_settings
from .secretstore import get_secret_json

RDS_CA_BUNDLE = "/opt/certs/rds-global-bundle.pem"


def _password() -> str:
    settings = get_settings()
    if os.environ.get("REPORTS_DB_PASSWORD"):
        return os.environ["REPORTS_DB_PASSWORD"]
    return get_secret_json(settings.reports_db_secret_arn)["password"]


def connect() -> pymysql.connections.Connection:
    settings = get_settings()
    ssl = {"ca": RDS_CA_BUNDLE} if os.path.exists(RDS_CA_BUNDLE) else None
    return pymysql.connect(
        host=settings.reports_db_host,
        user=settings.reports_db_user,
        password=_password(),
        database=settings.reports_db_name,
        cursorclass=DictCursor,
        connect_timeout=5,
        read_timeout=20,
        ssl=ssl,
        autocommit=False,
    )
