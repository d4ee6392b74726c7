"""Check-in kiosk: a tablet at the venue that volunteers tap to check in."""
import logging
import secrets
from datetime import timedelta

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import KioskSession, ShiftSignup
from .serializers import KioskLoginSerializer

logger = logging.getLogger(__name__)

KIOSK_COOKIE = "hh_kiosk"
KIOSK_SESSION_TTL = timedelta(hours=14)


def current_kiosk_session(request):
    key = request.COOKIES.get(KIOSK_COOKIE)
    if not key:
        return None
    session = KioskSession.objects.select_related("organisation").filter(key=key).first()
    if session is None or not session.is_active:
        return None
    return session


class KioskLoginView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def post(self, request):
        serializer = KioskLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation = serializer.validated_data["organisation"]

        session = KioskSession.objects.create(
            organisation=organisation,
            key=secrets.token_urlsafe(32),
            expires_at=timezone.now() + KIOSK_SESSION_TTL,
        )
        logger.info("Kiosk session opened for organisation %s", organisation.slug)

        response = Response({"organisation": organisation.name, "expires_at": session.expires_at})
        response.set_cookie(KIOSK_COOKIE, session.key, max_age=int(KIOSK_SESSION_TTL.total_seconds()))
        return response


class KioskRosterView(View):
    def get(self, request):
        session = current_kiosk_session(request)
        if session is None:
            return JsonResponse({"detail": "Kiosk session expired."}, status=401)
        today = timezone.localdate()
        signups = (
            ShiftSignup.objects.select_related("volunteer__profile", "shift")
            .filter(shift__opportunity__organisation=session.organisation, shift__starts_at__date=today)
            .exclude(status=ShiftSignup.Status.DECLINED)
        )
        return JsonResponse(
            {
                "signups": [
                    {
                        "id": s.pk,
                        "name": s.volunteer.profile.display_name,
                        "starts_at": s.shift.starts_at.isoformat(),
                        "checked_in": s.checked_in_at is not None,
                    }
                    for s in signups
                ]
            }
        )


@method_decorator(csrf_exempt, name="dispatch")
class KioskCheckInView(View):
    def post(self, request, signup_id):
        session = current_kiosk_session(request)
        if session is None:
            return JsonResponse({"detail": "Kiosk session expired."}, status=401)
        signup = get_object_or_404(
            ShiftSignup.objects.select_related("shift"),
            pk=signup_id,
            shift__opportunity__organisation=session.organisation,
        )
        signup.mark_attended()
        return JsonResponse({"id": signup.pk, "checked_in_at": signup.checked_in_at.isoformat()})
