from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from ledgerly.utils import decimal_to_cents
from tenants.mixins import TenantScopedQuerysetMixin, tenant_member_required

from . import services
from .forms import InvoiceForm, LineItemFormSet, PaymentForm
from .models import Invoice
from .pdf import render_invoice_pdf


class InvoiceListView(TenantScopedQuerysetMixin, ListView):
    model = Invoice
    template_name = "invoices/invoice_list.html"
    context_object_name = "invoices"
    paginate_by = 50

    def get_display_currency(self):
        return self.request.GET.get("currency") or self.request.tenant.reporting_currency

    def get_queryset(self):
        qs = super().get_queryset().select_related("client")
        status = self.request.GET.get("status")
        if status in dict(Invoice.STATUS_CHOICES):
            qs = qs.filter(status=status)
        if term := self.request.GET.get("q"):
            qs = qs.search(term)
        return qs.with_converted_total(self.get_display_currency())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["display_currency"] = self.get_display_currency()
        context["status_choices"] = Invoice.STATUS_CHOICES
        return context


class InvoiceDetailView(TenantScopedQuerysetMixin, DetailView):
    model = Invoice
    template_name = "invoices/invoice_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("client").prefetch_related("items")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payment_form"] = PaymentForm()
        return context


@tenant_member_required
def invoice_edit(request, pk=None):
    tenant = request.tenant
    invoice = get_object_or_404(Invoice, pk=pk, tenant=tenant) if pk else Invoice(tenant=tenant)
    if invoice.pk and invoice.status != Invoice.STATUS_DRAFT:
        messages.error(request, "Only draft invoices can be edited.")
        return redirect(invoice)

    if request.method == "POST":
        form = InvoiceForm(request.POST, instance=invoice, tenant=tenant)
        formset = LineItemFormSet(request.POST, instance=invoice)
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                invoice = form.save(commit=False)
                if not invoice.number:
                    invoice.number = services.allocate_number(tenant)
                    invoice.created_by = request.user
                invoice.save()
                formset.instance = invoice
                formset.save()
                invoice.recalculate()
                invoice.save()
            messages.success(request, f"Invoice {invoice.number} saved.")
            return redirect(invoice)
    else:
        form = InvoiceForm(instance=invoice, tenant=tenant)
        formset = LineItemFormSet(instance=invoice)

    return render(request, "invoices/invoice_form.html", {"form": form, "formset": formset, "invoice": invoice})


@tenant_member_required
@require_POST
def invoice_finalize(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk, tenant=request.tenant)
    try:
        services.finalize(invoice)
    except services.InvoiceStateError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Invoice {invoice.number} sent to {invoice.client}.")
    return redirect(invoice)


@csrf_exempt
@tenant_member_required
@require_POST
def invoice_mark_paid(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk, tenant=request.tenant)
    form = PaymentForm(request.POST)
    if form.is_valid():
        amount = form.cleaned_data.get("amount")
        try:
            services.mark_paid(
                invoice,
                amount_cents=decimal_to_cents(amount) if amount else None,
                user=request.user,
            )
        except services.InvoiceStateError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Payment recorded.")
    return redirect(invoice)


@tenant_member_required
def invoice_pdf(request, pk):
    invoice = get_object_or_404(Invoice.objects.select_related("client", "tenant"), pk=pk, tenant=request.tenant)
    response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{invoice.number}.pdf"'
    return response
