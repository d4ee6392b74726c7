import databases
import sqlalchemy

from bookings import config

database = databases.Database(config.DATABASE_URL, force_rollback=config.TESTING)
metadata = sqlalchemy.MetaData()


def sync_engine():
    """Blocking engine for scripts and migrations."""
    return sqlalchemy.create_engine(config.DATABASE_URL, pool_pre_ping=True)
