import logging

from django_tenants.middleware.main import TenantMainMiddleware

logger = logging.getLogger(__name__)


class InvoicerTenantMiddleware(TenantMainMiddleware):
    """``TenantMainMiddleware`` that leaves a breadcrumb when a host is unknown.

    Tenants point DNS for their custom domain at us before they finish the
    verification step in the dashboard, so misses are expected; support uses
    these lines to work out which domain a customer actually configured.
    """

    def no_tenant_found(self, request, hostname):
        logger.warning("No tenant for host %s path=%s headers=%s", hostname, request.path, dict(request.headers))
        return super().no_tenant_found(request, hostname)
