import logging
import time

from django.conf import settings
from django.http import HttpResponseNotFound

from .models import Tenant

logger = logging.getLogger("ledgerly.tenants")
access_logger = logging.getLogger("ledgerly.api.access")

# Paths that work without a tenant (marketing signup, webhooks, health checks).
TENANTLESS_PREFIXES = (
    "/healthz",
    "/webhooks/",
    "/admin/",
    "/accounts/signup",
    "/static/",
    "/documents/inbound/",
)


class TenantMiddleware:
    """
    Resolves request.tenant.

    Browsers reach a firm through <slug>.ledgerly.app or the firm's custom
    domain. API clients that talk to api.ledgerly.app send the tenant slug
    in the X-Ledgerly-Tenant header instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.root_domain = settings.LEDGERLY_ROOT_DOMAIN

    def __call__(self, request):
        request.tenant = self.resolve(request)
        if request.tenant is None and not request.path.startswith(TENANTLESS_PREFIXES):
            if not request.path.startswith("/api/"):
                return HttpResponseNotFound("Unknown firm")
        return self.get_response(request)

    def resolve(self, request):
        host = request.get_host().split(":")[0].lower()
        slug = None

        if host.endswith("." + self.root_domain):
            slug = host[: -len(self.root_domain) - 1]
            if slug in ("www", "app"):
                slug = None
        elif host != self.root_domain:
            tenant = Tenant.objects.filter(custom_domain=host, is_active=True).first()
            if tenant is not None:
                return tenant

        if slug is None or slug == "api":
            slug = request.META.get(settings.LEDGERLY_TENANT_HEADER)

        if not slug:
            return None

        tenant = Tenant.objects.filter(slug=slug, is_active=True).first()
        if tenant is None:
            logger.info("No tenant for host=%s slug=%s", host, slug)
        return tenant


class APIRequestLogMiddleware:
    """One structured line per API request; feeds the usage dashboards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)

        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000

        tenant = getattr(request, "tenant", None)
        access_logger.info(
            "api_request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(elapsed_ms, 1),
                "tenant": tenant.slug if tenant else None,
                "user_id": getattr(request.user, "pk", None),
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
            },
        )
        return response
