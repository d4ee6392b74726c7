from dj_rest_auth.registration.views import ResendEmailVerificationView
from dj_rest_auth.views import LoginView
from rest_framework import generics
from rest_framework.permissions import IsAuthenticated
from rest_framework.throttling import ScopedRateThrottle

from .serializers import ProfileSerializer


class ThrottledLoginView(LoginView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"


class ThrottledResendEmailView(ResendEmailVerificationView):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "resend_email"


class ProfileView(generics.RetrieveUpdateAPIView):
    serializer_class = ProfileSerializer
    permission_classes = [IsAuthenticated]

    def get_object(self):
        return self.request.user.profile
