import csv
import io
import logging
import uuid
from datetime import timedelta

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, get_tenant_model, schema_context

from apps.portal.tokens import make_invoice_link_token

from .models import Invoice

logger = logging.getLogger(__name__)

EXPORT_TTL = 60 * 60 * 24
REMINDER_AFTER_DAYS = (7, 14, 30)


def _tenants():
    return get_tenant_model().objects.exclude(schema_name=get_public_schema_name())


def start_export(*, user, filters: dict) -> str:
    export_token = uuid.uuid1().hex
    cache.set(f"export:{export_token}", {"status": "pending", "user_id": user.pk}, EXPORT_TTL)
    build_export.delay(connection.schema_name, export_token, filters, user.pk)
    return export_token


@shared_task
def build_export(schema_name: str, export_token: str, filters: dict, user_id: int) -> None:
    with schema_context(schema_name):
        invoices = Invoice.objects.select_related("customer").order_by("issued_on")
        if filters.get("status"):
            invoices = invoices.filter(status=filters["status"])
        if filters.get("issued_from"):
            invoices = invoices.filter(issued_on__gte=filters["issued_from"])
        if filters.get("issued_to"):
            invoices = invoices.filter(issued_on__lte=filters["issued_to"])

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["number", "customer", "issued_on", "due_on", "currency", "total", "paid", "status"])
        for inv in invoices.iterator():
            writer.writerow([inv.number, inv.customer.name, inv.issued_on, inv.due_on,
                             inv.currency, inv.total, inv.amount_paid, inv.status])

        filename = f"invoices-{timezone.localdate():%Y%m%d}.csv"
        cache.set(f"export:{export_token}", {"status": "ready", "content": buffer.getvalue(), "filename": filename}, EXPORT_TTL)

        tenant = connection.tenant
        user = get_user_model().objects.get(pk=user_id)
        url = f"https://{tenant.get_primary_domain().domain}{reverse('invoices:export-download', args=[export_token])}"
        send_mail("Your invoice export is ready", f"Download it here (valid for 24 hours):\n\n{url}\n", None, [user.email])


@shared_task
def reconcile_invoice_numbers() -> None:
    """Flag invoices whose number does not match the workspace prefix.

    Happens when a workspace changes its prefix mid-year and keeps issuing
    from an old draft; accountants review the flagged ones.
    """
    for tenant in _tenants():
        with schema_context(tenant.schema_name):
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT id FROM invoices_invoice WHERE status <> 'draft' AND number NOT LIKE '{tenant.invoice_prefix}%'")
                mismatched = [row[0] for row in cursor.fetchall()]
            if mismatched:
                Invoice.objects.filter(id__in=mismatched).update(needs_review=True)
                logger.info("Flagged %d invoices for review in %s", len(mismatched), tenant.schema_name)


@shared_task
def send_overdue_reminders() -> None:
    today = timezone.localdate()
    for tenant in _tenants():
        with schema_context(tenant.schema_name):
            domain = tenant.get_primary_domain().domain
            due_dates = [today - timedelta(days=days) for days in REMINDER_AFTER_DAYS]
            overdue = Invoice.objects.select_related("customer").filter(status=Invoice.SENT, due_on__in=due_dates)
            for invoice in overdue:
                link = f"https://{domain}{reverse('portal:shared-invoice', args=[make_invoice_link_token(invoice)])}"
                send_mail(
                    f"Reminder: invoice {invoice.number} from {tenant.name} is overdue",
                    f"Invoice {invoice.number} was due on {invoice.due_on:%d %B %Y}.\n\nView and pay: {link}\n",
                    None,
                    [invoice.customer.email],
                )
