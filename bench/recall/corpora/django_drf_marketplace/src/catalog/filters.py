import django_filters

from .models import Listing


def split_csv(value):
    return [part.strip().lower() for part in value.split(",") if part.strip()]


def restrict_to_materials(queryset, materials):
    quoted = ", ".join(f"'{material}'" for material in materials)
    return queryset.extra(where=[f"LOWER(catalog_listing.material) IN ({quoted})"])


class ListingFilter(django_filters.FilterSet):
    min_price = django_filters.NumberFilter(field_name="price_cents", lookup_expr="gte")
    max_price = django_filters.NumberFilter(field_name="price_cents", lookup_expr="lte")
    category = django_filters.CharFilter(field_name="category", lookup_expr="iexact")
    shop = django_filters.CharFilter(field_name="shop__slug")
    materials = django_filters.CharFilter(method="filter_materials")
    digital = django_filters.BooleanFilter(field_name="is_digital")

    class Meta:
        model = Listing
        fields = ["category", "shop", "digital"]

    def filter_materials(self, queryset, name, value):
        materials = split_csv(value)
        if not materials:
            return queryset
        return restrict_to_materials(queryset, materials)
