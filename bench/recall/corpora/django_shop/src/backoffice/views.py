import logging
import tempfile
import traceback
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.management import call_command
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, FormView

from catalog.models import Review
from orders import services
from orders.models import Order
from orders.tasks import send_gift_card

from .forms import CustomerPasswordForm, ReportFilterForm, StockUploadForm
from .reports import SalesReport

logger = logging.getLogger(__name__)
User = get_user_model()


class StaffRequiredMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_active and self.request.user.is_staff


@staff_member_required
def dashboard(request):
    context = {
        "awaiting_dispatch": Order.objects.awaiting_dispatch()[:25],
        "pending_reviews": Review.objects.filter(approved=False).select_related("book", "user")[:25],
    }
    return render(request, "backoffice/dashboard.html", context)


@staff_member_required
def sales_report(request):
    form = ReportFilterForm(request.GET or None)
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        sort = form.cleaned_data["sort"] or "revenue"
    else:
        start, end, sort = date.today() - timedelta(days=30), date.today(), "revenue"

    report = SalesReport(start=start, end=end + timedelta(days=1), sort=request.GET.get("sort", sort))
    context = {"form": form, "top_titles": report.top_titles(), "daily": report.daily_totals()}
    area = request.GET.get("postcode_area", "")
    if area:
        context["area"] = area
        context["area_rows"] = report.by_postcode_area(area)
    return render(request, "backoffice/sales_report.html", context)


class OrderDetailView(StaffRequiredMixin, DetailView):
    template_name = "backoffice/order_detail.html"
    queryset = Order.objects.select_related("user").prefetch_related("lines__book")


@staff_member_required
def issue_gift_card(request):
    """Till-side gift card sales: staff enter the amount and the recipient."""
    if request.method == "POST":
        try:
            amount = Decimal(request.POST.get("amount", ""))
        except InvalidOperation:
            amount = Decimal("0")
        recipient = request.POST.get("recipient_email", "").strip()
        if Decimal("5") <= amount <= Decimal("250") and recipient:
            card = services.issue_gift_card(amount, recipient)
            send_gift_card.delay(card.pk)
            messages.success(request, f"Gift card for £{amount} sent to {recipient}.")
        else:
            messages.error(request, "Gift cards must be between £5 and £250 and need a recipient.")
    return redirect("backoffice:dashboard")


@staff_member_required
def approve_review(request, pk):
    if request.method == "POST":
        Review.objects.filter(pk=pk).update(approved=True)
        messages.success(request, "Review published.")
    return redirect("backoffice:dashboard")


class CustomerPasswordView(StaffRequiredMixin, FormView):
    """Set a temporary password for a customer who phoned the shop."""

    template_name = "backoffice/form.html"
    form_class = CustomerPasswordForm

    def dispatch(self, request, *args, **kwargs):
        self.customer = get_object_or_404(User, pk=kwargs["pk"], is_staff=False)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        new_password = form.cleaned_data["new_password"]
        self.customer.password = new_password
        self.customer.save(update_fields=["password"])
        logger.info(
            "%s set a temporary password for %s: %s", self.request.user.email, self.customer.email, new_password
        )
        messages.success(self.request, f"Temporary password set for {self.customer.email}.")
        return redirect("backoffice:dashboard")


@method_decorator(staff_member_required, name="dispatch")
class StockUploadView(FormView):
    template_name = "backoffice/form.html"
    form_class = StockUploadForm

    def form_valid(self, form):
        upload = form.cleaned_data["csv_file"]
        with tempfile.NamedTemporaryFile(suffix=".csv") as tmp:
            for chunk in upload.chunks():
                tmp.write(chunk)
            tmp.flush()
            try:
                call_command("import_stock", tmp.name)
            except Exception:
                return JsonResponse({"ok": False, "error": traceback.format_exc()}, status=500)
        return JsonResponse({"ok": True})
