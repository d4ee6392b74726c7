import logging

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)


def api_exception_handler(exc, context):
    """DRF's handler, plus a JSON 500 for anything it doesn't know about."""
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("Unhandled error in %s", type(view).__name__ if view else "unknown view")
    return Response({"detail": "Something went wrong on our side. Please try again later."}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
