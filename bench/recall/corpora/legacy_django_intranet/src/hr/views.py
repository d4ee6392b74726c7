import hashlib
import hmac
import json
import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.cache import cache
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from directory.models import Department

from .forms import AbsenceReportForm
from .models import HrisEvent, LeaveCalendarSubscription, LeaveRequest
from .reports import absence_summary, headcount_by_department, tenure_listing

logger = logging.getLogger(__name__)


class HRReportMixin(LoginRequiredMixin, PermissionRequiredMixin):
    permission_required = "hr.view_reports"


class HeadcountReportView(HRReportMixin, TemplateView):
    template_name = "hr/headcount_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sort = self.request.GET.get("sort", "department")
        cache_key = "hr:headcount:" + hashlib.md5(sort.encode(), usedforsecurity=False).hexdigest()
        rows = cache.get(cache_key)
        if rows is None:
            rows = headcount_by_department(sort)
            cache.set(cache_key, rows, 300)
        context.update(rows=rows, sort=sort)
        return context


class TenureReportView(HRReportMixin, TemplateView):
    template_name = "hr/tenure_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        department = get_object_or_404(Department, pk=self.kwargs["department_id"])
        sort = self.request.GET.get("sort", "e.hire_date")
        context.update(department=department, sort=sort, employees=tenure_listing(department.pk, sort))
        return context


class AbsenceReportView(HRReportMixin, TemplateView):
    template_name = "hr/absence_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = AbsenceReportForm(self.request.GET or None)
        if form.is_valid():
            context["rows"] = absence_summary(
                form.cleaned_data["start"],
                form.cleaned_data["end"],
                form.cleaned_data["leave_type"],
            )
        context["form"] = form
        return context


@login_required
@require_POST
def regenerate_leave_feed(request):
    subscription, _ = LeaveCalendarSubscription.objects.get_or_create(user=request.user)
    subscription.regenerate()
    return redirect("hr:leave-feed-settings")


class LeaveFeedSettingsView(LoginRequiredMixin, TemplateView):
    template_name = "hr/leave_feed_settings.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscription"] = LeaveCalendarSubscription.objects.filter(user=self.request.user).first()
        return context


def leave_calendar_feed(request, token):
    """iCal feed consumed by Outlook/Google Calendar, which cannot log in."""
    subscription = get_object_or_404(LeaveCalendarSubscription.objects.select_related("user"), token=token)
    employee = getattr(subscription.user, "employee", None)
    if employee is None:
        return HttpResponse(status=404)
    horizon = date.today() - timedelta(days=30)
    leaves = LeaveRequest.objects.filter(
        employee__department=employee.department,
        status=LeaveRequest.APPROVED,
        end_date__gte=horizon,
    ).select_related("employee")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Corp Intranet//Leave//EN"]
    for leave in leaves:
        lines += [
            "BEGIN:VEVENT",
            f"UID:leave-{leave.pk}@intranet",
            f"DTSTART;VALUE=DATE:{leave.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{leave.end_date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{leave.employee.full_name} - {leave.get_leave_type_display()}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines), content_type="text/calendar; charset=utf-8")


@csrf_exempt
@require_POST
def hris_webhook(request):
    """Receives employee lifecycle events from the HRIS provider."""
    secret = settings.HRIS_WEBHOOK_SECRET
    if not secret:
        return HttpResponseForbidden()
    signature = request.headers.get("X-Hris-Signature", "")
    expected = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        return HttpResponseForbidden()
    try:
        event = json.loads(request.body)
        HrisEvent.objects.create(event_id=event["id"], event_type=event["type"], payload=event)
    except (ValueError, KeyError):
        return JsonResponse({"error": "malformed event"}, status=400)
    except IntegrityError:
        logger.info("duplicate HRIS event ignored")
    return JsonResponse({"received": True})
