import logging

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from core.decorators import hr_action, hr_required

from . import reports
from .forms import BankDetailsForm, EmployeeImportForm, EmployeeSearchForm, TerminationForm
from .importing import import_rows, read_rows
from .models import Announcement, Employee, PayPeriod

logger = logging.getLogger(__name__)


@hr_required
def dashboard(request):
    period = PayPeriod.objects.filter(closed=False).order_by("starts_on").first()
    context = {
        "period": period,
        "totals": reports.payroll_totals(period.pk) if period else None,
        "announcements": Announcement.objects.filter(published=True)[:5],
        "headcount": Employee.objects.filter(status=Employee.Status.ACTIVE).count(),
        "by_status": Employee.objects.values("status").annotate(n=Count("id")),
    }
    return render(request, "backoffice/dashboard.html", context)


@method_decorator(hr_required, name="dispatch")
class EmployeeListView(ListView):
    model = Employee
    template_name = "backoffice/employee_list.html"
    context_object_name = "employees"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().select_related("department")
        self.form = EmployeeSearchForm(self.request.GET or None)
        if not self.form.is_valid():
            return qs
        q, department, status = (self.form.cleaned_data[k] for k in ("q", "department", "status"))
        if q:
            qs = qs.filter(Q(first_name__icontains=q) | Q(last_name__icontains=q) | Q(employee_no__iexact=q))
        if department:
            qs = qs.filter(department=department)
        if status:
            qs = qs.filter(status=status)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["q"] = self.request.GET.get("q", "")
        return context


@method_decorator(hr_required, name="dispatch")
class EmployeeDetailView(DetailView):
    model = Employee
    template_name = "backoffice/employee_detail.html"
    context_object_name = "employee"

    def get_queryset(self):
        return super().get_queryset().select_related("department", "user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["payslips"] = self.object.payslips.select_related("period")[:12]
        context["bank_form"] = BankDetailsForm(instance=self.object)
        context["termination_form"] = TerminationForm()
        return context


@hr_required
def employee_lookup(request):
    """Typeahead used by the expense and payslip screens (htmx)."""
    q = request.GET.get("q", "").strip()
    if len(q) < 2:
        return HttpResponse("")
    matches = Employee.objects.filter(Q(last_name__istartswith=q) | Q(employee_no__istartswith=q))[:10]
    if not matches:
        return HttpResponse(f'<li class="lookup-empty">No employees match "{q}"</li>')
    return HttpResponse(render_to_string("backoffice/_lookup_results.html", {"matches": matches}, request))


@hr_action
def update_bank_details(request, pk):
    employee = get_object_or_404(Employee, pk=pk)
    form = BankDetailsForm(request.POST, instance=employee)
    if form.is_valid():
        form.save()
        logger.info("bank details changed for employee %s by %s", employee.employee_no, request.user)
        messages.success(request, "Bank details updated.")
    else:
        messages.error(request, "Please check the IBAN and BIC.")
    return redirect(employee)


@hr_action
def terminate_employee(request, pk):
    employee = get_object_or_404(Employee, pk=pk)
    form = TerminationForm(request.POST)
    if form.is_valid():
        employee.status = Employee.Status.TERMINATED
        employee.terminated_on = form.cleaned_data["terminated_on"]
        employee.save(update_fields=["status", "terminated_on"])
        if employee.user_id:
            employee.user.is_active = False
            employee.user.save(update_fields=["is_active"])
        messages.success(request, f"{employee.full_name} has been terminated.")
    return redirect(employee)


@hr_required
def import_employees(request):
    form = EmployeeImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_rows(form.cleaned_data["file"].read())
            result = import_rows(rows, form.cleaned_data["department"], form.cleaned_data["dry_run"])
        except ValueError as exc:
            messages.error(request, f"Could not read the file: {exc}")
        except Exception:
            logger.exception("employee import failed (uploaded by %s)", request.user)
            messages.error(request, "The import failed. The error has been logged.")
        else:
            messages.success(request, f"Import finished at {timezone.now():%H:%M}.")
    return render(request, "backoffice/import.html", {"form": form, "result": result})
