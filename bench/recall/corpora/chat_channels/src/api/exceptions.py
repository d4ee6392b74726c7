import logging

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)


def api_exception_handler(exc, context):
    """
    DRF handles its own exceptions; anything else would otherwise become an
    HTML 500 page, which the desktop client cannot display.
    """
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("Unhandled API error in %s", type(view).__name__ if view else "unknown view")
    return Response({"detail": f"Internal error: {exc!r}"}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
