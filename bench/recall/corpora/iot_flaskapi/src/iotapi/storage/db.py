"""Connection pool and cursor helper."""
import contextlib

import psycopg2
import psycopg2.extras
import psycopg2.pool

from .. import settings

_pool = None


def get_pool():
    global _pool
    if _pool is None:
        _pool = psycopg2.pool.ThreadedConnectionPool(1, settings.DB_POOL_SIZE, dsn=settings.DATABASE_URL)
    return _pool


@contextlib.contextmanager
def cursor(commit=False):
    """Yield a dict cursor; commit on success when asked, roll back otherwise."""
    pool = get_pool()
    conn = pool.getconn()
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
        if commit:
            conn.commit()
        else:
            conn.rollback()
    except Exception:
        conn.rollback()
        raise
    finally:
        pool.putconn(conn)
