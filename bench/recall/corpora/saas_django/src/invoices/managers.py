from django.db import models
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from tenants.models import TenantQuerySet


class InvoiceQuerySet(TenantQuerySet):
    def outstanding(self):
        return self.filter(status__in=["sent", "overdue"])

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.outstanding().filter(due_date__lt=today)

    def with_days_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.annotate(
            days_overdue=RawSQL(
                "GREATEST(0, %s::date - invoices_invoice.due_date)",
                (today,),
            )
        )

    def with_converted_total(self, currency):
        """
        Annotate total_converted_cents: the invoice total expressed in the
        firm's reporting currency, using the latest stored FX rate.
        """
        rate_sql = (
            "SELECT r.rate FROM billing_fxrate r "
            "WHERE r.base = invoices_invoice.currency "
            f"AND r.quote = '{currency}' "
            "ORDER BY r.as_of DESC LIMIT 1"
        )
        converted = f"ROUND(invoices_invoice.total_cents * COALESCE(({rate_sql}), 1))"
        return self.annotate(total_converted_cents=RawSQL(converted, ()))

    def search(self, term):
        return self.filter(
            Q(number__icontains=term) | Q(client__name__icontains=term) | Q(client__company_name__icontains=term)
        )

    def unpaid_amount_ordered(self):
        return self.annotate(unpaid=F("total_cents") - F("paid_cents")).order_by("-unpaid")


class InvoiceManager(models.Manager.from_queryset(InvoiceQuerySet)):
    pass
