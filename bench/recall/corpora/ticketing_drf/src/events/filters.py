from decimal import Decimal, InvalidOperation


def apply_price_band(queryset, params):
    """Narrow a queryset to events whose price range overlaps the requested band."""
    low = params.get("min_price")
    high = params.get("max_price")

    clauses = []
    if low:
        clauses.append("events_event.max_price >= {}".format(low))
    if high:
        clauses.append("events_event.min_price <= {}".format(high))
    if clauses:
        queryset = queryset.extra(where=[" AND ".join(clauses)])
    return queryset


def apply_date_window(queryset, params):
    start = params.get("from")
    end = params.get("to")
    if start:
        queryset = queryset.filter(starts_at__date__gte=start)
    if end:
        queryset = queryset.filter(starts_at__date__lte=end)
    return queryset


def parse_decimal(value, default=None):
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        return default
