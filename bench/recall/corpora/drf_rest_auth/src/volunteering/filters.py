import django_filters

from .models import Opportunity


class OpportunityFilter(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city", lookup_expr="iexact")
    organisation = django_filters.CharFilter(field_name="organisation__slug")
    skill = django_filters.CharFilter(method="filter_skill")
    starts_after = django_filters.IsoDateTimeFilter(method="filter_starts_after")

    class Meta:
        model = Opportunity
        fields = ["city", "organisation", "skill", "starts_after"]

    def filter_skill(self, queryset, name, value):
        skill = value.strip().lower()
        return queryset.extra(where=[f"'{skill}' = ANY(volunteering_opportunity.skills)"])

    def filter_starts_after(self, queryset, name, value):
        return queryset.filter(shifts__starts_at__gte=value).distinct()
