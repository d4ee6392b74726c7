"""psycopg2 connection pool and cursor helpers.

Repositories never hold on to connections: they borrow one for the duration
of a ``with get_cursor()`` block. ``transaction()`` groups several repository
calls into a single commit.
"""
import atexit
import contextlib
import logging
import threading

import psycopg2
import psycopg2.extras
from flask import g, has_app_context
from psycopg2.pool import ThreadedConnectionPool

logger = logging.getLogger(__name__)

_pool = None
_lock = threading.Lock()


def init_app(app):
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadedConnectionPool(
                app.config["DB_POOL_MIN"],
                app.config["DB_POOL_MAX"],
                dsn=app.config["DATABASE_URL"],
                cursor_factory=psycopg2.extras.RealDictCursor,
                application_name="cornershop",
            )
            atexit.register(close_pool)
    app.teardown_appcontext(_release_transaction)


def close_pool():
    global _pool
    if _pool is not None:
        _pool.closeall()
        _pool = None


def _release_transaction(exc):
    conn = g.pop("db_tx_conn", None) if has_app_context() else None
    if conn is not None:
        conn.rollback()
        _pool.putconn(conn)


@contextlib.contextmanager
def transaction():
    """Run the enclosed repository calls in one transaction."""
    if g.get("db_tx_conn") is not None:
        yield g.db_tx_conn
        return
    conn = _pool.getconn()
    g.db_tx_conn = conn
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        g.pop("db_tx_conn", None)
        _pool.putconn(conn)


@contextlib.contextmanager
def get_cursor(commit=False):
    """Borrow a cursor; joins the open transaction if there is one."""
    tx_conn = g.get("db_tx_conn") if has_app_context() else None
    if tx_conn is not None:
        with tx_conn.cursor() as cur:
            yield cur
        return

    conn = _pool.getconn()
    try:
        with conn.cursor() as cur:
            yield cur
        if commit:
            conn.commit()
        else:
            conn.rollback()
    except psycopg2.Error:
        conn.rollback()
        logger.exception("database error")
        raise
    finally:
        _pool.putconn(conn)
