import csv
import hashlib
import io
import logging
import traceback
from datetime import date

import bleach
import markdown
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_GET
from django_ratelimit.decorators import ratelimit

from api.jwt import TokenError, decode_report_embed_token, issue_report_embed_token
from clients.models import Client
from invoices.models import Invoice
from tenants.mixins import tenant_member_required
from tenants.models import Tenant

from . import queries

logger = logging.getLogger("ledgerly.reports")

NOTICE_TAGS = ["p", "strong", "em", "ul", "ol", "li", "a", "br", "h3", "h4"]
NOTICE_ATTRS = {"a": ["href", "title"]}


def _date_range(request):
    today = timezone.localdate()
    start = parse_date(request.GET.get("start", "")) or date(today.year, 1, 1)
    end = parse_date(request.GET.get("end", "")) or today
    return start, end


def _render_notice(text):
    html = markdown.markdown(text, extensions=["extra"])
    return bleach.clean(html, tags=NOTICE_TAGS, attributes=NOTICE_ATTRS, protocols=["https", "mailto"], strip=True)


@tenant_member_required
def dashboard(request):
    tenant = request.tenant
    today = timezone.localdate()
    cache_key = "dashboard:" + hashlib.md5(
        f"{tenant.pk}:{today.isoformat()}".encode(), usedforsecurity=False
    ).hexdigest()

    summary = cache.get(cache_key)
    if summary is None:
        summary = {
            "aging": queries.aging_buckets(tenant.pk, today),
            "by_month": queries.revenue_by_period(tenant.pk, date(today.year, 1, 1), today),
            "client_count": Client.objects.filter(tenant=tenant).active().count(),
            "overdue_count": Invoice.objects.filter(tenant=tenant).overdue(today).count(),
        }
        cache.set(cache_key, summary, 300)

    return render(
        request,
        "reports/dashboard.html",
        {
            "summary": summary,
            "notice_html": _render_notice(tenant.dashboard_notice) if tenant.dashboard_notice else "",
        },
    )


@tenant_member_required
def revenue_report(request):
    start, end = _date_range(request)
    sort = request.GET.get("sort", "outstanding")
    direction = "asc" if request.GET.get("dir") == "asc" else "desc"
    rows = queries.revenue_by_client(request.tenant.pk, start, end, sort=sort, direction=direction)
    return render(
        request,
        "reports/revenue.html",
        {"rows": rows, "start": start, "end": end, "sort": sort, "direction": direction},
    )


@tenant_member_required
def revenue_export(request):
    start, end = _date_range(request)
    try:
        rows = queries.revenue_by_client(request.tenant.pk, start, end)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["client_id", "client", "invoiced", "paid", "outstanding"])
        for client_id, name, invoiced, paid, outstanding in rows:
            writer.writerow([client_id, name, invoiced / 100, paid / 100, outstanding / 100])
    except Exception as exc:
        return JsonResponse({"error": f"Export failed: {exc}", "trace": traceback.format_exc()}, status=500)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="revenue-{start}-{end}.csv"'
    return response


@tenant_member_required
def embed_token(request):
    """Short-lived token for the embeddable revenue widget on firm websites."""
    token = issue_report_embed_token(request.tenant, request.user)
    return JsonResponse({"token": token})


@require_GET
@ratelimit(key="ip", rate="60/m", block=True)
def widget_data(request):
    """Data for the embeddable revenue widget; authorised by the embed token."""
    try:
        claims = decode_report_embed_token(request.GET.get("token", ""))
    except TokenError:
        return JsonResponse({"detail": "invalid token"}, status=401)
    tenant = Tenant.objects.filter(slug=claims["tenant"], is_active=True).first()
    if tenant is None:
        return JsonResponse({"detail": "invalid token"}, status=401)
    today = timezone.localdate()
    rows = queries.revenue_by_period(tenant.pk, date(today.year, 1, 1), today)
    return JsonResponse(
        {
            "currency": tenant.reporting_currency,
            "periods": [
                {"period": row.period.isoformat(), "invoiced": row.invoiced_cents, "paid": row.paid_cents}
                for row in rows
            ],
        }
    )
