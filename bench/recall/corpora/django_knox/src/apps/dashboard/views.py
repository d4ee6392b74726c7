from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView

from apps.accounts.models import User
from apps.leases.models import Lease, Notice
from apps.leases.services import apply_rent_increase
from apps.maintenance.models import MaintenanceTicket
from apps.properties.models import Unit
from apps.properties.services import featured_listings, set_listing_visibility
from apps.reports.services import build_occupancy

from .forms import NoticeForm, RentIncreaseForm, UnitSearchForm
from .mixins import StaffRequiredMixin, staff_required


@staff_required
def home(request):
    portfolio = request.user.portfolio
    context = {
        "featured": featured_listings(portfolio),
        "occupancy": build_occupancy(portfolio),
        "open_tickets": MaintenanceTicket.objects.filter(
            unit__building__portfolio=portfolio, status=MaintenanceTicket.Status.OPEN
        ).count(),
    }
    return render(request, "dashboard/home.html", context)


class UnitListView(StaffRequiredMixin, ListView):
    template_name = "dashboard/units.html"
    context_object_name = "units"
    paginate_by = 25

    def get_queryset(self):
        qs = Unit.objects.filter(building__portfolio=self.request.user.portfolio).select_related("building")
        self.form = UnitSearchForm(self.request.GET or None)
        if self.form.is_valid():
            if self.form.cleaned_data["q"]:
                qs = qs.filter(number__icontains=self.form.cleaned_data["q"])
            if self.form.cleaned_data["status"]:
                qs = qs.filter(status=self.form.cleaned_data["status"])
        return qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


@staff_required
@require_GET
def unit_search(request):
    q = request.GET.get("q", "").strip()
    units = Unit.objects.filter(
        building__portfolio=request.user.portfolio, building__name__icontains=q
    ).select_related("building")[:20]
    if not units:
        return HttpResponse(f'<li class="empty">No units match “{q}”</li>')
    return render(request, "dashboard/partials/unit_results.html", {"units": units, "q": q})


@staff_required
@require_GET
def tenant_lookup(request):
    q = request.GET.get("q", "").strip()
    tenants = User.objects.filter(
        role=User.Role.TENANT, leases__unit__building__portfolio=request.user.portfolio, email__icontains=q
    ).distinct()[:10]
    if not tenants:
        return HttpResponse(f'<li class="empty">No tenant with an e-mail like “{escape(q)}”</li>')
    return render(request, "dashboard/partials/tenant_results.html", {"tenants": tenants, "q": q})


@staff_required
@require_POST
def toggle_listing(request, unit_id):
    unit = get_object_or_404(Unit, pk=unit_id, building__portfolio=request.user.portfolio)
    set_listing_visibility(unit, not unit.is_listed)
    return render(request, "dashboard/partials/listing_toggle.html", {"unit": unit})


@csrf_exempt
@staff_required
def rent_increase(request, lease_id):
    lease = get_object_or_404(Lease, pk=lease_id, unit__building__portfolio=request.user.portfolio)
    form = RentIncreaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        notice = apply_rent_increase(
            lease,
            form.cleaned_data["percent"],
            form.cleaned_data["effective_date"],
            author=request.user,
            message=form.cleaned_data["message"],
        )
        messages.success(request, "Rent increase notice sent.")
        return redirect("dashboard:notice-detail", pk=notice.pk)
    return render(request, "dashboard/leases/rent_increase_form.html", {"lease": lease, "form": form})


@staff_required
def send_notice(request, lease_id):
    lease = get_object_or_404(Lease, pk=lease_id, unit__building__portfolio=request.user.portfolio)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        notice = form.save(commit=False)
        notice.lease = lease
        notice.author = request.user
        notice.save()
        return redirect("dashboard:notice-detail", pk=notice.pk)
    return render(request, "dashboard/leases/send_notice.html", {"lease": lease, "form": form})


class NoticeDetailView(StaffRequiredMixin, DetailView):
    template_name = "dashboard/leases/notice_detail.html"
    context_object_name = "notice"

    def get_queryset(self):
        return Notice.objects.filter(lease__unit__building__portfolio=self.request.user.portfolio).select_related(
            "lease__unit__building", "author"
        )


class TicketListView(StaffRequiredMixin, ListView):
    template_name = "dashboard/tickets.html"
    context_object_name = "tickets"
    paginate_by = 30

    def get_queryset(self):
        qs = MaintenanceTicket.objects.filter(unit__building__portfolio=self.request.user.portfolio)
        status = self.request.GET.get("status")
        if status in MaintenanceTicket.Status.values:
            qs = qs.filter(status=status)
        return qs.select_related("unit__building", "reported_by", "vendor")

    def get_template_names(self):
        if self.request.htmx:
            return ["maintenance/partials/ticket_rows.html"]
        return [self.template_name]
