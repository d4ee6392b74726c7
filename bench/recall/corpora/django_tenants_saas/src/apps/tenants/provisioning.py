"""Creating a new workspace: schema, primary domain and the owner account."""
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context

from apps.accounts.models import Membership

from .models import Client, Domain

logger = logging.getLogger(__name__)


def schema_name_for(subdomain: str) -> str:
    return subdomain.lower().replace("-", "_")


def provision_tenant(*, company: str, subdomain: str, email: str, password: str) -> Client:
    tenant = Client(schema_name=schema_name_for(subdomain), name=company)
    tenant.save()  # TenantMixin.save() creates the schema and migrates it

    Domain.objects.create(
        tenant=tenant,
        domain=f"{subdomain}.{settings.TENANT_BASE_DOMAIN}",
        is_primary=True,
    )

    with schema_context(tenant.schema_name):
        owner = get_user_model().objects.create_user(username=email, email=email, password=password)
        Membership.objects.create(user=owner, role=Membership.OWNER)

    logger.info("Provisioned tenant %s (schema=%s)", tenant.pk, tenant.schema_name)
    return tenant
