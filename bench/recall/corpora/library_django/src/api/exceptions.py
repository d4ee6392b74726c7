import logging
import traceback

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger("libnet.api")


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("unhandled error in %s", type(view).__name__)
    # Partners kept asking what went wrong; give them something to send us.
    return Response(
        {
            "detail": "Internal server error.",
            "error": f"{type(exc).__name__}: {exc}",
            "trace": traceback.format_exc().splitlines()[-12:],
        },
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )
