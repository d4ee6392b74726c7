import logging
import random
from datetime import date

from celery import shared_task
from django.core.mail import send_mail
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from invoices.models import Invoice
from tenants.models import Tenant

from . import queries

logger = logging.getLogger("ledgerly.reports")

AUDIT_SAMPLE_SIZE = 15


@shared_task
def refresh_monthly_stats():
    month = timezone.localdate().replace(day=1)
    for tenant_id in Tenant.objects.filter(is_active=True).values_list("pk", flat=True):
        queries.monthly_stats_upsert(tenant_id, month)


@shared_task
def send_quarterly_audit_sample(tenant_id):
    """
    Quality review: pick a handful of paid invoices from last quarter for the
    firm's reviewing partner to spot-check.
    """
    tenant = Tenant.objects.get(pk=tenant_id)
    today = timezone.localdate()
    quarter_start_month = ((today.month - 1) // 3) * 3 + 1
    end = date(today.year, quarter_start_month, 1)
    start = date(end.year - 1, 10, 1) if end.month == 1 else date(end.year, end.month - 3, 1)

    invoice_ids = list(
        Invoice.objects.filter(tenant=tenant, status=Invoice.STATUS_PAID, issue_date__range=(start, end))
        .values_list("pk", flat=True)
    )
    sample_ids = random.sample(invoice_ids, min(AUDIT_SAMPLE_SIZE, len(invoice_ids)))
    sample = Invoice.objects.filter(pk__in=sample_ids).select_related("client")

    owners = tenant.memberships.filter(role="owner", is_active=True).select_related("user")
    send_mail(
        subject=f"{tenant.name}: quarterly invoice review sample",
        message=render_to_string("emails/audit_sample.txt", {"tenant": tenant, "invoices": sample}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[m.user.email for m in owners],
    )
    logger.info("Audit sample of %d invoices sent for tenant=%s", len(sample_ids), tenant_id)
