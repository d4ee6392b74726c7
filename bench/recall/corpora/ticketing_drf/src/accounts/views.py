import logging

import jwt
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework import generics, permissions, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from . import services
from .models import User
from .serializers import (
    ChangePasswordSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetRequestSerializer,
    RegisterSerializer,
    ResendVerificationSerializer,
    ScannerLoginSerializer,
    UserSerializer,
)
from .tasks import send_verification_email
from .tokens import read_email_verification_token

logger = logging.getLogger(__name__)

REFRESH_COOKIE = "tkt_refresh"


class RegisterView(generics.CreateAPIView):
    """Create a customer account and send the verification e-mail."""

    serializer_class = RegisterSerializer
    permission_classes = [permissions.AllowAny]

    def perform_create(self, serializer):
        user = serializer.save()
        send_verification_email.delay(user.pk)


class CookieTokenObtainPairView(TokenObtainPairView):
    """JWT login that also drops the refresh token into a cookie for the SPA."""

    throttle_scope = "login"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        if response.status_code == status.HTTP_200_OK:
            refresh = response.data.pop("refresh")
            response.set_cookie(REFRESH_COOKIE, refresh, max_age=7 * 24 * 3600, path="/api/v1/accounts/")
        return response


class ThrottledTokenRefreshView(TokenRefreshView):
    throttle_scope = "login"


class ScannerLoginView(APIView):
    """Shift start for gate scanners: exchange device id + password for an API key.

    Gate devices retry aggressively on flaky venue Wi-Fi, so they are exempt
    from the API throttles.
    """

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = []

    def post(self, request):
        serializer = ScannerLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        device = serializer.validated_data["device"]
        api_key = device.rotate_api_key()
        device.save(update_fields=["api_key"])
        return Response({"device_id": device.device_id, "venue": device.venue_id, "api_key": api_key})


class PasswordResetRequestView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_scope = "password_reset"

    def post(self, request):
        serializer = PasswordResetRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.start_password_reset(serializer.validated_data["email"])
        return Response({"detail": "If the address is registered, a code is on its way."}, status=202)


class PasswordResetConfirmView(APIView):
    permission_classes = [permissions.AllowAny]
    throttle_scope = "password_reset"

    def post(self, request):
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ok = services.complete_password_reset(**serializer.validated_data)
        if not ok:
            return Response({"detail": "Invalid or expired code."}, status=400)
        return Response({"detail": "Password updated."})


@api_view(["POST"])
@permission_classes([permissions.AllowAny])
def resend_verification(request):
    serializer = ResendVerificationSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    user = User.objects.filter(email__iexact=serializer.validated_data["email"], email_verified=False).first()
    if user is not None:
        send_verification_email.delay(user.pk)
    return Response(status=status.HTTP_202_ACCEPTED)


@api_view(["GET"])
@permission_classes([permissions.AllowAny])
def verify_email(request):
    try:
        claims = read_email_verification_token(request.query_params.get("token", ""))
    except jwt.InvalidTokenError:
        return Response({"detail": "This link is invalid or has expired."}, status=400)
    User.objects.filter(pk=claims["sub"], email=claims["email"]).update(email_verified=True)
    return Response({"detail": "E-mail verified."})


class MeView(generics.RetrieveUpdateAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_object(self):
        return self.request.user


class ChangePasswordView(APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_scope = "login"

    def post(self, request):
        serializer = ChangePasswordSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(status=status.HTTP_204_NO_CONTENT)


@csrf_exempt
@login_required
@require_POST
def update_marketing_preferences(request):
    """Backs the one-click toggle on the e-mail preference centre page."""
    opt_in = request.POST.get("marketing_opt_in") == "on"
    request.user.marketing_opt_in = opt_in
    request.user.save(update_fields=["marketing_opt_in"])
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"marketing_opt_in": opt_in})
    return redirect(request.POST.get("next") or "/")
