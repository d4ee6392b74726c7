from datetime import date, timedelta

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_date

from events.models import Event

from . import queries


def _date_range(request, default_days=30):
    end = parse_date(request.GET.get("end", "")) or date.today()
    start = parse_date(request.GET.get("start", "")) or end - timedelta(days=default_days)
    return start, end


@staff_member_required
def dashboard(request):
    context = {
        "daily": queries.daily_revenue(30),
        "upcoming": Event.objects.published().upcoming()[:10],
    }
    return render(request, "reports/dashboard.html", context)


@staff_member_required
def sales(request):
    start, end = _date_range(request)
    metric = request.GET.get("metric", "revenue")
    if metric not in queries.METRICS:
        metric = "revenue"
    order_by = request.GET.get("sort", "revenue")
    direction = request.GET.get("dir", "desc")
    context = {
        "start": start,
        "end": end,
        "metric": metric,
        "metrics": list(queries.METRICS),
        "by_event": queries.sales_by_event(start, end, metric),
        "by_venue": queries.sales_by_venue(start, end, order_by, direction),
        "sort": order_by,
        "dir": direction,
    }
    return render(request, "reports/sales.html", context)


@staff_member_required
def attendee_list(request, event_id):
    event = get_object_or_404(Event, pk=event_id)
    term = request.GET.get("q", "").strip()
    rows = queries.attendees(event.pk, term)

    return render(
        request,
        "reports/attendees.html",
        {"event": event, "rows": rows, "q": term, "progress": queries.check_in_progress(event.pk)},
    )
