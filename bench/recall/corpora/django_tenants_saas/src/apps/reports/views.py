import hashlib
from datetime import date, datetime, time

from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.cache import cache
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views import View

from .repository import COUNTABLE_TABLES, CrossTenantReportRepository

REPORT_CACHE_SECONDS = 300


class PlatformStaffRequiredMixin(UserPassesTestMixin):
    login_url = "/admin/login/"

    def test_func(self):
        return self.request.user.is_active and self.request.user.is_staff


def _since(request) -> date:
    return parse_date(request.GET.get("since", "")) or timezone.localdate().replace(month=1, day=1)


class RevenueReportView(PlatformStaffRequiredMixin, View):
    def get(self, request):
        status = request.GET.get("status", "paid")
        return JsonResponse({"rows": self.build_report(status=status, since=_since(request))})

    def build_report(self, *, status, since):
        digest = hashlib.md5(f"{status}:{since}".encode(), usedforsecurity=False).hexdigest()
        cache_key = f"platform:revenue:{digest}"
        rows = cache.get(cache_key)
        if rows is None:
            repository = CrossTenantReportRepository()
            rows = [
                {"schema": schema, "currency": currency, "invoices": count, "total": str(total)}
                for schema, currency, count, total in repository.revenue(since=since, status=status)
            ]
            cache.set(cache_key, rows, REPORT_CACHE_SECONDS)
        return rows


class ActivityReportView(PlatformStaffRequiredMixin, View):
    def get(self, request):
        kind = request.GET.get("kind", "invoices")
        if kind not in COUNTABLE_TABLES:
            return JsonResponse({"error": f"kind must be one of {sorted(COUNTABLE_TABLES)}"}, status=400)
        since = timezone.make_aware(datetime.combine(_since(request), time.min))
        return JsonResponse({"counts": CrossTenantReportRepository().activity(kind=kind, since=since)})
