import logging
import traceback

from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger("api")


def newsroom_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        return response
    view = context.get("view")
    logger.error("unhandled API error in %s", type(view).__name__, exc_info=exc)
    # the app team asked for the trace in the body; it saves a trip to Sentry
    return Response({"detail": "Server error.", "error": repr(exc), "trace": traceback.format_exc()}, status=500)
