"""REST API (Flask-RESTX), mounted at /api."""
import logging
import traceback

from flask import Blueprint
from flask_restx import Api
from mongoengine.errors import DoesNotExist, ValidationError
from werkzeug.exceptions import HTTPException

from ..billing import InvoiceNotFound

log = logging.getLogger(__name__)

api_bp = Blueprint("api", __name__)

authorizations = {
    "Bearer": {"type": "apiKey", "in": "header", "name": "Authorization"},
    "ClinicKey": {"type": "apiKey", "in": "header", "name": "X-Clinic-Key"},
}

api = Api(
    api_bp,
    version="1.4",
    title="PawPrint API",
    description="Pet records, appointments and billing for PawPrint clinics",
    authorizations=authorizations,
    security="Bearer",
    doc="/docs",
)

from .appointments import ns as appointments_ns  # noqa: E402
from .auth import ns as auth_ns  # noqa: E402
from .billing import ns as billing_ns  # noqa: E402
from .owners import ns as owners_ns  # noqa: E402
from .partners import ns as partners_ns  # noqa: E402
from .pets import ns as pets_ns, shared_ns  # noqa: E402

api.add_namespace(auth_ns, path="/auth")
api.add_namespace(owners_ns, path="/owners")
api.add_namespace(pets_ns, path="/pets")
api.add_namespace(shared_ns, path="/shared")
api.add_namespace(appointments_ns, path="/appointments")
api.add_namespace(billing_ns, path="/billing")
api.add_namespace(partners_ns, path="/partners")


@api.errorhandler(InvoiceNotFound)
def handle_invoice_not_found(error):
    return {"message": str(error)}, 404


@api.errorhandler(DoesNotExist)
def handle_missing_document(error):
    return {"message": "Not found"}, 404


@api.errorhandler(ValidationError)
def handle_validation_error(error):
    return {"message": "Validation failed", "errors": error.to_dict()}, 400


@api.errorhandler(Exception)
def handle_unexpected_error(error):
    if isinstance(error, HTTPException):
        return {"message": error.description}, error.code
    log.exception("Unhandled API error")
    return {"message": "Unexpected error", "detail": str(error), "trace": traceback.format_exc().splitlines()}, 500
