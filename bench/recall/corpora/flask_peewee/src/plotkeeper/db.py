"""Peewee database handle, bound at app start-up."""
from peewee import DatabaseProxy
from playhouse.db_url import connect

database = DatabaseProxy()


def init_db(app):
    db = connect(app.config["DATABASE_URL"])
    database.initialize(db)

    @app.before_request
    def _connect():
        if database.is_closed():
            database.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        # An in-memory test database lives only as long as its connection.
        if not app.testing and not database.is_closed():
            database.close()

    return db
