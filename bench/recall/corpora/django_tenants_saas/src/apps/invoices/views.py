import logging

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import connection
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join
from django.views import View
from django.views.generic import DetailView, ListView
from weasyprint import HTML

from apps.portal.tokens import make_invoice_link_token

from .models import Invoice
from .templatetags.invoice_tags import money

logger = logging.getLogger(__name__)


def render_invoice_pdf(invoice, *, base_url: str) -> bytes:
    template = engines["pdf"].get_template("invoice.html")
    html = template.render({"invoice": invoice, "lines": invoice.lines.all(), "tenant": connection.tenant})
    return HTML(string=html, base_url=base_url).write_pdf()


class InvoiceListView(LoginRequiredMixin, ListView):
    template_name = "invoices/invoice_list.html"
    context_object_name = "invoices"
    paginate_by = 25

    def get_queryset(self):
        queryset = Invoice.objects.select_related("customer")
        query = self.request.GET.get("q", "").strip()
        if query:
            queryset = queryset.filter(Q(number__icontains=query) | Q(customer__name__icontains=query))
        status = self.request.GET.get("status")
        if status in dict(Invoice.STATUS_CHOICES):
            queryset = queryset.filter(status=status)
        return queryset


class InvoiceDetailView(LoginRequiredMixin, DetailView):
    template_name = "invoices/invoice_detail.html"
    slug_field = slug_url_kwarg = "public_id"
    queryset = Invoice.objects.select_related("customer").prefetch_related("lines", "payments", "comments")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        invoice = self.object
        context["payment_summary"] = format_html_join(
            "\n",
            "<li>{} &middot; {} &middot; {}</li>",
            ((p.received_on, money(p.amount, invoice.currency), p.reference) for p in invoice.payments.all()),
        )
        return context


class InvoicePDFView(LoginRequiredMixin, View):
    def get(self, request, public_id):
        invoice = get_object_or_404(Invoice.objects.select_related("customer"), public_id=public_id)
        try:
            pdf = render_invoice_pdf(invoice, base_url=request.build_absolute_uri("/"))
        except Exception:
            logger.exception("PDF rendering failed for invoice %s", invoice.pk)
            return HttpResponse("We could not generate this PDF right now. Please try again shortly.", status=503)

        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{invoice.number}.pdf"'
        return response


class SendInvoiceView(LoginRequiredMixin, View):
    def post(self, request, public_id):
        invoice = get_object_or_404(Invoice.objects.select_related("customer"), public_id=public_id)
        if invoice.status == Invoice.VOID:
            messages.error(request, "Void invoices cannot be sent.")
            return redirect("invoices:detail", public_id=public_id)

        link = request.build_absolute_uri(reverse("portal:shared-invoice", args=[make_invoice_link_token(invoice)]))
        tenant = connection.tenant
        message = EmailMessage(
            subject=f"Invoice {invoice.number} from {tenant.name}",
            body=render_to_string("emails/invoice_sent.txt", {"invoice": invoice, "tenant": tenant, "link": link}),
            to=[invoice.customer.email],
        )
        message.attach(f"{invoice.number}.pdf", render_invoice_pdf(invoice, base_url=link), "application/pdf")
        message.send()

        if invoice.status == Invoice.DRAFT:
            invoice.status = Invoice.SENT
            invoice.save(update_fields=["status"])
        messages.success(request, f"Invoice {invoice.number} sent to {invoice.customer.email}.")
        return redirect("invoices:detail", public_id=public_id)


class ExportDownloadView(View):
    """Download a finished CSV export.

    The link is e-mailed to whoever asked for the export and is usually opened
    from a phone or an accountant's machine without a session, so the token in
    the URL is what grants access.
    """

    def get(self, request, token):
        export = cache.get(f"export:{token}")
        if not export or export.get("status") != "ready":
            raise Http404
        response = HttpResponse(export["content"], content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{export["filename"]}"'
        return response
