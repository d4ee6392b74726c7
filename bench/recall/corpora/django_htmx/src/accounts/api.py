import json

import jwt
from django.contrib.auth import authenticate
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.decorators import ratelimit

from appointments.models import Appointment

from .models import User
from .tokens import decode_calendar_feed_token, issue_access_token


@csrf_exempt
@require_POST
@ratelimit(key="ip", rate="10/m", block=True)
@ratelimit(key="post:username", rate="5/m", block=True)
def obtain_token(request):
    try:
        body = json.loads(request.body)
    except ValueError:
        return JsonResponse({"detail": "Invalid JSON."}, status=400)
    user = authenticate(request, username=body.get("username"), password=body.get("password"))
    if user is None or not user.is_doctor:
        return JsonResponse({"detail": "Invalid credentials."}, status=401)
    return JsonResponse({"access": issue_access_token(user), "token_type": "Bearer"})


@require_GET
def calendar_feed(request, token):
    try:
        claims = decode_calendar_feed_token(token)
    except jwt.InvalidTokenError:
        return HttpResponse(status=404)
    doctor = User.objects.filter(pk=claims["sub"], role=User.Role.DOCTOR).first()
    if doctor is None:
        return HttpResponse(status=404)
    upcoming = Appointment.objects.filter(doctor=doctor, starts_at__gte=timezone.now()).select_related("patient")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Northside Clinic//EN"]
    for appt in upcoming:
        lines += [
            "BEGIN:VEVENT",
            f"UID:appt-{appt.pk}@northside-clinic.example",
            f"DTSTART:{appt.starts_at:%Y%m%dT%H%M%SZ}",
            f"DTEND:{appt.ends_at:%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{appt.patient.last_name} ({appt.get_status_display()})",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines), content_type="text/calendar")
