import logging
import traceback

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger("artsboard.api")


def artsboard_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("Unhandled error in %s", view.__class__.__name__ if view else "API")
    # include enough detail for the mobile team to file a useful bug report
    body = {
        "detail": "Internal server error",
        "error": f"{exc.__class__.__name__}: {exc}",
        "trace": traceback.format_exc().splitlines()[-8:],
    }
    return Response(body, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
