import logging
import traceback

from django.db import DatabaseError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger("marketplace.api")


def api_exception_handler(exc, context):
    """DRF handler: keep DRF's answers for API errors, give the mobile app something to show for the rest."""
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("Unhandled error in %s", view.__class__.__name__ if view else "unknown view")
    code = "database_error" if isinstance(exc, DatabaseError) else "server_error"
    return Response(
        {
            "detail": "Something went wrong on our side. Please try again.",
            "code": code,
            "debug": traceback.format_exception(type(exc), exc, exc.__traceback__)[-3:],
        },
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )
