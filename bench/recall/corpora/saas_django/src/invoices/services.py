import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tenants.models import Tenant

from .models import Invoice

logger = logging.getLogger("ledgerly.invoices")


class InvoiceStateError(Exception):
    pass


@transaction.atomic
def allocate_number(tenant):
    Tenant.objects.filter(pk=tenant.pk).update(next_invoice_number=F("next_invoice_number") + 1)
    tenant.refresh_from_db(fields=["next_invoice_number"])
    return f"{tenant.invoice_prefix}-{tenant.next_invoice_number - 1:05d}"


def finalize(invoice):
    if invoice.status != Invoice.STATUS_DRAFT:
        raise InvoiceStateError("Only drafts can be finalized.")
    invoice.recalculate()
    invoice.status = Invoice.STATUS_SENT
    invoice.sent_at = timezone.now()
    invoice.save()

    from .tasks import send_invoice_email

    transaction.on_commit(lambda: send_invoice_email.delay(invoice.pk))
    return invoice


def mark_paid(invoice, amount_cents=None, user=None):
    if invoice.status not in (Invoice.STATUS_SENT, Invoice.STATUS_OVERDUE):
        raise InvoiceStateError(f"Cannot mark a {invoice.status} invoice as paid.")
    invoice.paid_cents += amount_cents if amount_cents is not None else invoice.balance_cents
    if invoice.paid_cents >= invoice.total_cents:
        invoice.status = Invoice.STATUS_PAID
        invoice.paid_at = timezone.now()
    invoice.save(update_fields=["paid_cents", "status", "paid_at", "updated_at"])
    logger.info("Invoice %s payment recorded by user=%s", invoice.pk, getattr(user, "pk", None))
    return invoice


def void(invoice):
    if invoice.status == Invoice.STATUS_PAID:
        raise InvoiceStateError("Paid invoices cannot be voided; issue a credit note.")
    invoice.status = Invoice.STATUS_VOID
    invoice.save(update_fields=["status", "updated_at"])
    return invoice
