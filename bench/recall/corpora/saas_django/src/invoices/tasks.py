import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Invoice
from .pdf import render_invoice_pdf

logger = logging.getLogger("ledgerly.invoices")


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_invoice_email(invoice_id):
    invoice = Invoice.objects.select_related("client", "tenant").get(pk=invoice_id)
    if not invoice.client.email:
        logger.warning("Invoice %s has no client e-mail; skipping", invoice_id)
        return

    message = EmailMessage(
        subject=f"Invoice {invoice.number} from {invoice.tenant.name}",
        body=render_to_string("emails/invoice.txt", {"invoice": invoice}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invoice.client.email],
        reply_to=[invoice.tenant.inbound_email_address],
    )
    message.attach(f"{invoice.number}.pdf", render_invoice_pdf(invoice), "application/pdf")
    message.send()


@shared_task
def send_overdue_reminders():
    today = timezone.localdate()
    overdue = (
        Invoice.objects.overdue(today)
        .with_days_overdue(today)
        .select_related("client", "tenant")
        .filter(tenant__is_active=True)
    )
    count = 0
    for invoice in overdue.iterator():
        if invoice.status != Invoice.STATUS_OVERDUE:
            Invoice.objects.filter(pk=invoice.pk).update(status=Invoice.STATUS_OVERDUE)
        if invoice.days_overdue in (1, 7, 14, 30) and invoice.client.email:
            EmailMessage(
                subject=f"Reminder: invoice {invoice.number} is overdue",
                body=render_to_string("emails/overdue.txt", {"invoice": invoice}),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[invoice.client.email],
            ).send()
            count += 1
    logger.info("Sent %d overdue reminders", count)
    return count
