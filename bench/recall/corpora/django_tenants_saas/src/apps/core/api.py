"""DRF glue shared by every API: authentication classes and the exception handler."""
import logging
import traceback

from rest_framework import authentication, exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)


class APIKeyAuthentication(authentication.BaseAuthentication):
    """``Authorization: Api-Key <prefix>.<secret>`` for server-to-server integrations."""

    keyword = "Api-Key"

    def authenticate(self, request):
        from apps.accounts.api_keys import verify_api_key

        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Malformed API key header.")

        key = verify_api_key(parts[1].decode("latin-1"))
        if key is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked API key.")
        return key.created_by, key

    def authenticate_header(self, request):
        return self.keyword


class DashboardSessionAuthentication(authentication.SessionAuthentication):
    """Session authentication for the dashboard single-page app.

    The SPA is served from the tenant's own host and talks JSON to the API,
    so the extra CSRF token round-trip DRF does for session users is skipped.
    """

    def enforce_csrf(self, request):
        return


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        return response

    view = context.get("view")
    logger.exception("Unhandled error in %s", type(view).__name__ if view else "API")
    return Response(
        {
            "detail": "Internal server error.",
            "error": f"{type(exc).__name__}: {exc}",
            "traceback": traceback.format_exc().splitlines(),
        },
        status=500,
    )
