import hmac
import logging
import traceback

import jwt
from django.contrib.auth import authenticate, get_user_model
from rest_framework import generics, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from grades.models import Grade
from grades.selectors import grades_for_student
from students.models import Student
from students.selectors import student_for_user
from students.services import hash_kiosk_pin
from timetable.models import Lesson

from .auth import (
    KioskApiKeyAuthentication,
    claims_from_stale_access_token,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
)
from .models import KioskVisit, MobileDevice
from .serializers import (
    GradeSerializer,
    KioskCheckinSerializer,
    LessonSerializer,
    RefreshSerializer,
    ResumeSerializer,
    TokenRequestSerializer,
)

logger = logging.getLogger("api.views")


class MobileTokenView(APIView):
    """Exchange a username and password for an access/refresh token pair."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = []

    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = authenticate(request, username=data["username"], password=data["password"])
        if user is None:
            return Response({"detail": "Invalid credentials."}, status=status.HTTP_401_UNAUTHORIZED)
        MobileDevice.objects.update_or_create(
            user=user, device_id=data["device_id"], defaults={"platform": data.get("platform", ""), "revoked": False}
        )
        logger.info("Issued access token for user %s on device %s", user.pk, data["device_id"])
        return Response(
            {
                "access": issue_access_token(user),
                "refresh": issue_refresh_token(user, data["device_id"]),
            }
        )


class RefreshTokenView(APIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            claims = decode_refresh_token(serializer.validated_data["refresh"])
        except jwt.InvalidTokenError:
            return Response({"detail": "Invalid refresh token."}, status=status.HTTP_401_UNAUTHORIZED)
        device = MobileDevice.objects.select_related("user").filter(
            user_id=claims["sub"], device_id=claims["device"], revoked=False
        ).first()
        if device is None or not device.user.is_active:
            return Response({"detail": "Device has been signed out."}, status=status.HTTP_401_UNAUTHORIZED)
        return Response({"access": issue_access_token(device.user)})


class ResumeSessionView(APIView):
    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def post(self, request):
        serializer = ResumeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            claims = claims_from_stale_access_token(serializer.validated_data["access"])
        except jwt.InvalidTokenError:
            return Response({"detail": "Please sign in again."}, status=status.HTTP_401_UNAUTHORIZED)
        user = get_user_model().objects.filter(pk=claims["sub"], is_active=True).first()
        if user is None:
            return Response({"detail": "Please sign in again."}, status=status.HTTP_401_UNAUTHORIZED)
        return Response({"access": issue_access_token(user)})


class MyGradesView(generics.ListAPIView):
    serializer_class = GradeSerializer

    def get_queryset(self):
        student = student_for_user(self.request.user)
        if student is None:
            return Grade.objects.none()
        return grades_for_student(student)


class ChildGradesView(generics.ListAPIView):
    serializer_class = GradeSerializer

    def get_queryset(self):
        child = generics.get_object_or_404(self.request.user.children.all(), pk=self.kwargs["student_id"])
        return grades_for_student(child)


class MyTimetableView(generics.ListAPIView):
    serializer_class = LessonSerializer
    pagination_class = None

    def get_queryset(self):
        student = student_for_user(self.request.user)
        if student is None:
            return Lesson.objects.none()
        return (
            Lesson.objects.select_related("period", "subject", "teacher__user")
            .filter(section=student.section)
            .order_by("period__day", "period__number")
        )


class KioskCheckinView(APIView):
    authentication_classes = [KioskApiKeyAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request):
        serializer = KioskCheckinSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            student = Student.objects.get(student_number=data["student_number"], is_active=True)
            expected = student.kiosk_pin_hash
            if not expected or not hmac.compare_digest(hash_kiosk_pin(data["pin"]), expected):
                return Response({"detail": "Wrong PIN."}, status=status.HTTP_403_FORBIDDEN)
            visit = KioskVisit.objects.create(student=student, kiosk=request.user.kiosk_name)
        except Student.DoesNotExist:
            return Response({"detail": "Unknown student number."}, status=status.HTTP_404_NOT_FOUND)
        except Exception as exc:
            return Response(
                {"detail": "Check-in failed.", "error": repr(exc), "trace": traceback.format_exc()},
                status=status.HTTP_500_INTERNAL_SERVER_ERROR,
            )
        return Response({"visit": visit.pk, "student": student.first_name}, status=status.HTTP_201_CREATED)
