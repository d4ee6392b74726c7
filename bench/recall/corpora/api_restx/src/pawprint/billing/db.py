"""psycopg2 connection pool for the billing database."""
import contextlib
import logging

from flask import current_app
from psycopg2 import pool
from psycopg2.extras import RealDictCursor

log = logging.getLogger(__name__)

_POOL_KEY = "billing_pool"


def init_billing_pool(app):
    app.extensions[_POOL_KEY] = None

    @app.teardown_appcontext
    def _noop(exc):  # connections are returned by the context managers below
        return None


def _get_pool():
    ext = current_app.extensions
    if ext.get(_POOL_KEY) is None:
        cfg = current_app.config
        ext[_POOL_KEY] = pool.ThreadedConnectionPool(
            cfg["BILLING_POOL_MIN"],
            cfg["BILLING_POOL_MAX"],
            dsn=cfg["BILLING_DSN"],
            options=f"-c statement_timeout={cfg['BILLING_STATEMENT_TIMEOUT_MS']}",
            application_name="pawprint",
        )
        log.info("Opened billing connection pool (max=%s)", cfg["BILLING_POOL_MAX"])
    return ext[_POOL_KEY]


@contextlib.contextmanager
def billing_connection():
    conn_pool = _get_pool()
    conn = conn_pool.getconn()
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn_pool.putconn(conn)


@contextlib.contextmanager
def get_cursor(dict_rows=True):
    with billing_connection() as conn:
        factory = RealDictCursor if dict_rows else None
        with conn.cursor(cursor_factory=factory) as cur:
            yield cur
