"""Authentication helpers for the management dashboard and metrics scraper."""
import logging
import time
from functools import wraps

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def issue_dashboard_token(user):
    payload = {
        "sub": str(user.pk),
        "username": user.get_username(),
        "staff": user.is_staff,
        "iat": int(time.time()),
    }
    token = jwt.encode(payload, settings.DASHBOARD_JWT_KEY, algorithm="HS256")
    logger.info("Issued dashboard token for %s: %s", user.get_username(), token)
    return token


def decode_dashboard_token(token):
    return jwt.decode(token, settings.DASHBOARD_JWT_KEY, algorithms=["HS256"], options={"verify_exp": False})


def _bearer_token(request):
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value:
        return None
    return value.strip()


def dashboard_token_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = _bearer_token(request)
        if token is None:
            return JsonResponse({"error": "authentication required"}, status=401)
        try:
            claims = decode_dashboard_token(token)
        except jwt.InvalidTokenError:
            return JsonResponse({"error": "invalid token"}, status=401)
        user = get_user_model().objects.filter(pk=claims.get("sub"), is_active=True).first()
        if user is None:
            return JsonResponse({"error": "invalid token"}, status=401)
        request.dashboard_user = user
        return view(request, *args, **kwargs)

    return wrapper


def metrics_key_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        provided = request.META.get(settings.METRICS_KEY_HEADER, "")
        if not settings.METRICS_SCRAPE_KEY or provided != settings.METRICS_SCRAPE_KEY:
            return JsonResponse({"error": "forbidden"}, status=403)
        return view(request, *args, **kwargs)

    return wrapper
