import hashlib
import logging
import traceback
from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_date
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from volunteering.models import Organisation, Shift
from volunteering.permissions import is_coordinator

from .queries import attendance_for_shifts, hours_by_city, volunteer_leaderboard

logger = logging.getLogger(__name__)

LEADERBOARD_CACHE_SECONDS = 300


def _report_params(query_params):
    city = query_params.get("city", "").strip()
    since = parse_date(query_params.get("since", "")) or (timezone.localdate() - timedelta(days=365))
    return city, since


class CityHoursReportView(APIView):
    """Volunteer hours per city, for the regional coordinators' dashboard."""

    permission_classes = [IsAuthenticated]

    def get(self, request):
        if not request.user.memberships.filter(role="coordinator").exists():
            raise PermissionDenied()
        city, since = _report_params(request.query_params)
        try:
            rows = hours_by_city(city, since)
        except DatabaseError as exc:
            logger.warning("City hours report failed: %s", exc)
            return Response({"detail": "Report query failed.", "error": str(exc), "trace": traceback.format_exc()}, status=500)
        return Response({"since": since, "city": city or None, "rows": rows})


class LeaderboardView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, slug):
        organisation = get_object_or_404(Organisation, slug=slug)
        if not is_coordinator(request.user, organisation):
            raise PermissionDenied()
        order = request.query_params.get("order", "hours")

        cache_key = "leaderboard:" + hashlib.md5(f"{organisation.pk}:{order}".encode(), usedforsecurity=False).hexdigest()
        rows = cache.get(cache_key)
        if rows is None:
            rows = volunteer_leaderboard(organisation.pk, order=order)
            cache.set(cache_key, rows, LEADERBOARD_CACHE_SECONDS)
        return Response({"order": order, "rows": rows})


class ShiftAttendanceView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request, slug):
        organisation = get_object_or_404(Organisation, slug=slug)
        if not is_coordinator(request.user, organisation):
            raise PermissionDenied()
        try:
            requested = [int(part) for part in request.query_params.get("shifts", "").split(",") if part]
        except ValueError:
            raise ValidationError({"shifts": "Comma-separated shift ids expected."})
        owned = list(
            Shift.objects.filter(pk__in=requested, opportunity__organisation=organisation).values_list("pk", flat=True)
        )
        return Response({"rows": attendance_for_shifts(owned)})
