"""Engine and session factory.

Each tenant lives in its own Postgres schema; requests switch ``search_path``
after the tenant has been resolved.
"""
from collections.abc import Iterator

from sqlalchemy import event
from sqlmodel import Session, create_engine

from app.core.config import settings

engine = create_engine(
    settings.database_url,
    pool_pre_ping=True,
    pool_size=10,
    max_overflow=20,
    echo=settings.debug,
)


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def use_tenant_schema(session: Session, schema_name: str) -> None:
    conn = session.connection()
    conn.exec_driver_sql("SET search_path TO %s, public" % schema_name)


@event.listens_for(engine, "checkin")
def _reset_search_path(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("SET search_path TO public")
    cursor.close()
