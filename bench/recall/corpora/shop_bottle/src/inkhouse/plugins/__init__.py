"""Bottle plugins shared by the storefront, API and admin apps."""
import functools


class PeeweePlugin:
    """Open a database connection for the duration of each request."""

    name = "peewee"
    api = 2

    def __init__(self, database):
        self.database = database

    def apply(self, callback, route):
        database = self.database

        @functools.wraps(callback)
        def wrapper(*args, **kwargs):
            database.connect(reuse_if_open=True)
            try:
                return callback(*args, **kwargs)
            finally:
                if not database.is_closed():
                    database.close()

        return wrapper
