import django_filters
from django.db.models import Q

from .models import Department, Employee


class EmployeeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Name, title or e-mail")
    department = django_filters.ModelChoiceFilter(queryset=Department.objects.all())
    office = django_filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Employee
        fields = ["q", "department", "office"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(job_title__icontains=value)
            | Q(email__icontains=value)
        )
