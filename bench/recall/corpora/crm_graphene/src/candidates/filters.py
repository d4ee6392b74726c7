import django_filters
from django.db.models import Q

from .models import Candidate, Skill


class CandidateFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Search")
    status = django_filters.MultipleChoiceFilter(choices=Candidate.Status.choices)
    city = django_filters.CharFilter(lookup_expr="iexact")
    skills = django_filters.ModelMultipleChoiceFilter(
        field_name="skills__slug", to_field_name="slug", queryset=Skill.objects.all()
    )
    min_experience = django_filters.NumberFilter(field_name="years_experience", lookup_expr="gte")
    max_salary = django_filters.NumberFilter(field_name="desired_salary", lookup_expr="lte")
    ordering = django_filters.OrderingFilter(
        fields=(
            ("updated_at", "updated"),
            ("last_name", "name"),
            ("desired_salary", "salary"),
        )
    )

    class Meta:
        model = Candidate
        fields = ("q", "status", "city", "skills", "source", "owner")

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(first_name__icontains=value)
            | Q(last_name__icontains=value)
            | Q(email__icontains=value)
            | Q(headline__icontains=value)
            | Q(skills_text__icontains=value)
        )
