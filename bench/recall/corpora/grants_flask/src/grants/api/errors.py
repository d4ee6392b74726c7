import logging

from flask import request
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..extensions import db

log = logging.getLogger(__name__)


def init_app(app):
    @app.errorhandler(IntegrityError)
    def handle_integrity_error(exc):
        db.session.rollback()
        log.warning("Integrity error on %s: %s", request.path, exc.orig)
        return {"code": 409, "status": "Conflict", "message": "That record conflicts with existing data."}, 409

    @app.errorhandler(SQLAlchemyError)
    def handle_db_error(exc):
        db.session.rollback()
        log.exception("Database error on %s", request.path)
        return {"code": 500, "status": "Database error", "message": str(exc)}, 500
