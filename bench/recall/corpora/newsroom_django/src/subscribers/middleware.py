from django.conf import settings
from django.utils import timezone

from .models import SubscriberSession


def _load_subscriber(request):
    token = request.COOKIES.get(settings.SUBSCRIBER_COOKIE)
    if not token:
        return None
    session = (
        SubscriberSession.objects.select_related("subscriber")
        .filter(token=token, expires_at__gt=timezone.now())
        .first()
    )
    if session is None or not session.subscriber.is_active:
        return None
    return session.subscriber


class SubscriberMiddleware:
    """Sets request.subscriber from the gz_sub cookie (None for anonymous readers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.subscriber = _load_subscriber(request)
        return self.get_response(request)
