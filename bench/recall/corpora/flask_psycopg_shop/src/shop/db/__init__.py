from .pool import close_pool, get_cursor, init_app, transaction

__all__ = ["close_pool", "get_cursor", "init_app", "transaction"]
