from functools import wraps
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse


def _login_redirect(request):
    login_url = reverse("subscribers:login")
    return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")


def subscriber_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if getattr(request, "subscriber", None) is None:
            return _login_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


class SubscriberRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "subscriber", None) is None:
            return _login_redirect(request)
        return super().dispatch(request, *args, **kwargs)
