import logging
import time

from django.contrib.auth import get_user_model, login
from django.core import signing

logger = logging.getLogger("intranet.audit")

REMEMBER_COOKIE = "intranet_remember"
REMEMBER_SALT = "intranet.remember-device"
REMEMBER_MAX_AGE = 60 * 60 * 24 * 30


class RequestAuditMiddleware:
    """Write one audit line per request for the security team's SIEM."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        client_ip = request.META.get("HTTP_X_FORWARDED_FOR", request.META.get("REMOTE_ADDR"))
        logger.info("request %s %s from %s headers=%s", request.method, request.get_full_path(), client_ip, dict(request.headers))
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        user_id = getattr(getattr(request, "user", None), "pk", None)
        logger.info(
            "response %s %s status=%s user=%s %.0fms",
            request.method,
            request.path,
            response.status_code,
            user_id,
            elapsed_ms,
        )
        return response


class RememberDeviceMiddleware:
    """Log a user back in from the long-lived "remember this device" cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated:
            value = request.COOKIES.get(REMEMBER_COOKIE)
            if value:
                user = self._user_from_cookie(value)
                if user is not None:
                    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return self.get_response(request)

    @staticmethod
    def _user_from_cookie(value):
        try:
            data = signing.loads(value, salt=REMEMBER_SALT, max_age=REMEMBER_MAX_AGE)
        except signing.BadSignature:
            return None
        User = get_user_model()
        return User.objects.filter(pk=data.get("uid"), is_active=True).first()


def remember_device(response, user):
    token = signing.dumps({"uid": user.pk}, salt=REMEMBER_SALT)
    response.set_cookie(REMEMBER_COOKIE, token, max_age=REMEMBER_MAX_AGE)
    return response


def forget_device(response):
    response.delete_cookie(REMEMBER_COOKIE)
    return response
