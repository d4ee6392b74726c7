import string

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.urls import reverse
from django.utils.html import format_html_join
from django.views.generic import DetailView, UpdateView
from django_filters.views import FilterView

from .filters import EmployeeFilter
from .models import Employee


class EmployeeListView(LoginRequiredMixin, FilterView):
    model = Employee
    filterset_class = EmployeeFilter
    paginate_by = 50
    template_name = "directory/employee_list.html"

    def get_queryset(self):
        qs = Employee.objects.active().select_related("department")
        letter = self.request.GET.get("letter")
        if letter:
            qs = qs.extra(where=[f"UPPER(directory_employee.last_name) LIKE '{letter.upper()}%%'"])
        return qs.order_by("last_name", "first_name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["letters"] = string.ascii_uppercase
        context["search_term"] = self.request.GET.get("q", "")
        return context


class EmployeeDetailView(LoginRequiredMixin, DetailView):
    model = Employee
    template_name = "directory/employee_detail.html"
    context_object_name = "employee"

    def get_queryset(self):
        return Employee.objects.select_related("department", "manager", "user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        employee = self.object
        list_url = reverse("directory:employee-list")
        context["org_path_html"] = format_html_join(
            " &rsaquo; ",
            '<a href="{}?department={}">{}</a>',
            ((list_url, dept.pk, dept.name) for dept in employee.department.ancestors()),
        )
        context["direct_reports"] = employee.reports.filter(is_active=True)
        context["can_edit"] = self._can_edit(employee)
        return context

    def _can_edit(self, employee):
        user = self.request.user
        return employee.user_id == user.pk or user.has_perm("directory.change_employee")


class EmployeeUpdateView(LoginRequiredMixin, UserPassesTestMixin, UpdateView):
    model = Employee
    fields = ["job_title", "phone", "office", "bio", "photo"]
    template_name = "form_page.html"
    extra_context = {"page_title": "Edit profile"}

    def test_func(self):
        employee = self.get_object()
        user = self.request.user
        return employee.user_id == user.pk or user.has_perm("directory.change_employee")
