import json
import logging
import traceback
from datetime import date

import jwt
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core.models import Announcement
from core.notifications import notify_leave_decision
from directory.models import Employee
from hr.models import LeaveRequest
from hr.reports import employees_by_ids, headcount_by_department

from .auth import dashboard_token_required, issue_dashboard_token, metrics_key_required
from .kiosk import verify_kiosk_token

logger = logging.getLogger(__name__)
User = get_user_model()


@method_decorator(csrf_exempt, name="dispatch")
class ObtainDashboardTokenView(View):
    """Exchanges intranet credentials for a dashboard bearer token."""

    def post(self, request):
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return JsonResponse({"error": "invalid JSON"}, status=400)
        username = data.get("username", "")
        password = data.get("password", "")
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None or not user.check_password(password):
            return JsonResponse({"error": "invalid credentials"}, status=401)
        if not user.has_perm("hr.view_reports"):
            return JsonResponse({"error": "not allowed"}, status=403)
        return JsonResponse({"token": issue_dashboard_token(user)})


@require_GET
@dashboard_token_required
def dashboard_stats(request):
    try:
        today = date.today()
        data = {
            "headcount": headcount_by_department(request.GET.get("sort", "department")),
            "pending_leave": LeaveRequest.objects.filter(status=LeaveRequest.PENDING).count(),
            "absent_today": LeaveRequest.objects.filter(
                status=LeaveRequest.APPROVED, start_date__lte=today, end_date__gte=today
            ).count(),
            "new_starters": Employee.objects.active().filter(hire_date__gte=today.replace(day=1)).count(),
        }
    except Exception as exc:
        return JsonResponse({"error": str(exc), "traceback": traceback.format_exc()}, status=500)
    return JsonResponse(data, json_dumps_params={"default": str})


@require_GET
@dashboard_token_required
def team_cards(request):
    ids = [int(value) for value in request.GET.getlist("id") if value.isdigit()][:50]
    try:
        rows = employees_by_ids(ids)
    except DatabaseError:
        logger.exception("team card lookup failed for %d ids", len(ids))
        return JsonResponse({"error": "internal error"}, status=500)
    return JsonResponse({"results": rows})


@csrf_exempt
@login_required
@require_POST
def leave_decision(request, pk):
    """Called by the approve/reject buttons on the manager's leave page."""
    leave = get_object_or_404(LeaveRequest, pk=pk, employee__manager__user=request.user)
    try:
        decision = json.loads(request.body).get("decision")
    except ValueError:
        decision = request.POST.get("decision")
    if decision not in (LeaveRequest.APPROVED, LeaveRequest.REJECTED):
        return JsonResponse({"error": "decision must be 'approved' or 'rejected'"}, status=400)
    leave.status = decision
    leave.approver = request.user
    leave.decided_at = timezone.now()
    leave.save(update_fields=["status", "approver", "decided_at"])
    notify_leave_decision(leave)
    return JsonResponse({"id": leave.pk, "status": leave.status})


@require_GET
@metrics_key_required
def metrics(request):
    lines = [
        "# TYPE intranet_employees_active gauge",
        f"intranet_employees_active {Employee.objects.active().count()}",
        "# TYPE intranet_leave_pending gauge",
        f"intranet_leave_pending {LeaveRequest.objects.filter(status=LeaveRequest.PENDING).count()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; version=0.0.4")


@require_GET
def kiosk_announcements(request):
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    try:
        verify_kiosk_token(token)
    except jwt.InvalidTokenError:
        return JsonResponse({"error": "invalid token"}, status=401)
    items = Announcement.objects.published().pinned_first().values("id", "title", "created_at")[:10]
    return JsonResponse({"results": list(items)}, json_dumps_params={"default": str})
