from functools import wraps

from django.contrib.auth.decorators import login_required, user_passes_test
from django.http import HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


def _is_hr(user):
    return user.is_authenticated and user.is_active and user.is_hr


def hr_required(view):
    return login_required(user_passes_test(_is_hr)(view))


def hr_action(view):
    """POST-only back-office action (buttons and small forms on the HR screens)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.kind == "contractor":
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)

    # htmx posts from the tables don't carry the form token
    return csrf_exempt(require_POST(hr_required(wrapper)))


def finance_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_superuser or request.user.kind == "finance"):
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)

    return hr_required(wrapper)
