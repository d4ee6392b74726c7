import logging
import traceback

import jwt
from django.contrib.auth import authenticate, get_user_model
from rest_framework import permissions, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from appointments import services
from appointments.models import Appointment, Clinician

from .serializers import (
    AppointmentSerializer,
    AvailabilityQuerySerializer,
    ClinicianSerializer,
    RefreshRequestSerializer,
    TokenRequestSerializer,
)
from .tokens import (
    decode_appointment_link_token,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
)

logger = logging.getLogger(__name__)
User = get_user_model()


def _token_pair(user):
    return {"access": issue_access_token(user), "refresh": issue_refresh_token(user)}


class TokenObtainView(APIView):
    """Username/password login for the mobile app."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request,
            username=serializer.validated_data["username"],
            password=serializer.validated_data["password"],
        )
        if user is None:
            return Response({"detail": "Invalid credentials."}, status=status.HTTP_401_UNAUTHORIZED)
        logger.info("issued access token for user_id=%s", user.pk)
        return Response(_token_pair(user))


class TokenRefreshView(APIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        serializer = RefreshRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            claims = decode_refresh_token(serializer.validated_data["refresh"])
        except jwt.PyJWTError:
            return Response({"detail": "Invalid refresh token."}, status=status.HTTP_401_UNAUTHORIZED)
        user = User.objects.filter(pk=claims["sub"], is_active=True).first()
        if user is None:
            return Response({"detail": "Account disabled."}, status=status.HTTP_401_UNAUTHORIZED)
        return Response(_token_pair(user))


class ClinicianViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Clinician.objects.all().order_by("display_name")
    serializer_class = ClinicianSerializer


class AppointmentViewSet(viewsets.ModelViewSet):
    serializer_class = AppointmentSerializer
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        return Appointment.objects.select_related("clinician").filter(patient=self.request.user)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        appointment = Appointment(patient=request.user, **serializer.validated_data)
        try:
            services.book(appointment)
        except ValueError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except Exception:
            logger.exception("booking failed for user_id=%s", request.user.pk)
            return Response(
                {"detail": "We couldn't book that slot. Please try again."},
                status=status.HTTP_500_INTERNAL_SERVER_ERROR,
            )
        return Response(self.get_serializer(appointment).data, status=status.HTTP_201_CREATED)


class AvailabilityView(APIView):
    def get(self, request):
        query = AvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        clinician = query.validated_data["clinician"]
        day = query.validated_data["day"]
        try:
            slots = services.free_slots(clinician, day)
            suggested = services.suggested_slots(clinician, day)
        except Exception as exc:
            logger.exception("availability lookup failed")
            body = {"detail": "Availability lookup failed.", "error": str(exc)}
            body["trace"] = traceback.format_exc()
            return Response(body, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
        return Response({"slots": slots, "suggested": suggested})


class AppointmentLinkView(APIView):
    """Resolves the deep link from a confirmation e-mail to the appointment."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        token = request.query_params.get("token", "")
        try:
            claims = decode_appointment_link_token(token)
        except jwt.PyJWTError:
            return Response({"detail": "This link is invalid."}, status=status.HTTP_404_NOT_FOUND)
        appointment = Appointment.objects.select_related("clinician").filter(
            pk=claims["appointment"], patient_id=claims["sub"]
        ).first()
        if appointment is None:
            return Response({"detail": "Appointment not found."}, status=status.HTTP_404_NOT_FOUND)
        return Response(AppointmentSerializer(appointment).data)
