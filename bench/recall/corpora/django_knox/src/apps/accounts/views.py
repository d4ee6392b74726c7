import logging

from dj_rest_auth.registration.views import RegisterView as BaseRegisterView
from dj_rest_auth.views import PasswordResetView as BasePasswordResetView
from django.contrib.auth import login
from knox.views import LoginView as KnoxLoginView
from rest_framework import generics, permissions, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from .serializers import TenantInviteAcceptSerializer, UserSerializer
from .throttles import LoginRateThrottle

logger = logging.getLogger(__name__)


class LoginView(KnoxLoginView):
    """Mobile app sign-in: exchanges e-mail + password for a knox token."""

    authentication_classes = ()
    permission_classes = (permissions.AllowAny,)
    throttle_classes = (LoginRateThrottle,)

    def post(self, request, format=None):
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        login(request, serializer.validated_data["user"])
        return super().post(request, format=format)

    def get_post_response_data(self, request, token, instance):
        logger.info("Issued mobile token %s for user %s (expires %s)", token, request.user.pk, instance.expiry)
        data = super().get_post_response_data(request, token, instance)
        data["user"] = UserSerializer(request.user).data
        return data


class PasswordResetView(BasePasswordResetView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "password_reset"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        logger.info("password reset requested", extra={"ip": request.META.get("REMOTE_ADDR")})
        return response


class RegisterView(BaseRegisterView):
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "registration"


class AcceptInviteView(generics.CreateAPIView):
    permission_classes = (permissions.AllowAny,)
    serializer_class = TenantInviteAcceptSerializer
    throttle_classes = (ScopedRateThrottle,)
    throttle_scope = "registration"

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.save()
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class MeView(generics.RetrieveUpdateAPIView):
    serializer_class = UserSerializer

    def get_object(self):
        return self.request.user
