import logging
import time

from django.utils.functional import SimpleLazyObject

logger = logging.getLogger("libnet.api")

BRANCH_COOKIE = "preferred_branch"


def _load_branch(code):
    from catalogue.models import Branch

    if not code:
        return None
    return Branch.objects.filter(code=code, is_active=True).first()


class PreferredBranchMiddleware:
    """Expose the visitor's chosen branch as ``request.branch``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = request.COOKIES.get(BRANCH_COOKIE)
        if not code and getattr(request, "user", None) and request.user.is_authenticated:
            home = request.user.home_branch
            code = home.code if home else None
        request.branch = SimpleLazyObject(lambda: _load_branch(code))
        return self.get_response(request)


class ApiRequestLogMiddleware:
    """Access log for the JSON API, used when partners report problems."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)

        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.info(
            "api %s %s -> %s in %.1fms headers=%s",
            request.method,
            request.get_full_path(),
            response.status_code,
            elapsed_ms,
            dict(request.headers),
        )
        return response
