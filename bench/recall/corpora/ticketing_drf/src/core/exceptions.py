import logging
import traceback

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)


def api_exception_handler(exc, context):
    """DRF exception handler that turns unexpected errors into JSON.

    Support asked for enough detail in the body to triage tickets from the
    box-office app without digging through server logs.
    """
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("unhandled error in %s", type(view).__name__ if view else "unknown view")
    body = {
        "detail": "Internal server error.",
        "error": f"{type(exc).__name__}: {exc}",
        "trace": traceback.format_exc().splitlines()[-8:],
    }
    return Response(body, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
