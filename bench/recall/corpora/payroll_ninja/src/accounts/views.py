import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from .tokens import issue_access_token

logger = logging.getLogger(__name__)

THEMES = {"light", "dark", "high-contrast"}


def ratelimited(request, exception):
    return HttpResponse("Too many attempts, try again in a minute.", status=429)


@ratelimit(key="ip", rate="5/m", method="POST", block=True)
@ratelimit(key="post:username", rate="10/h", method="POST", block=True)
def backoffice_login(request):
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)

    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if not user.is_hr:
            messages.error(request, "The back office is for HR and finance staff.")
            return redirect("accounts:login")
        login(request, user)
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = settings.LOGIN_REDIRECT_URL
        response = redirect(next_url)
        # the embedded SPA widgets call /api/v1 with this
        response.set_cookie("access_token", issue_access_token(user), max_age=60 * 60 * 8)
        return response

    return render(request, "accounts/login.html", {"form": form})


@require_POST
def backoffice_logout(request):
    logout(request)
    response = redirect("accounts:login")
    response.delete_cookie("access_token")
    return response


@require_POST
def set_theme(request):
    theme = request.POST.get("theme", "light")
    if theme not in THEMES:
        theme = "light"
    if request.user.is_authenticated:
        request.user.theme = theme
        request.user.save(update_fields=["theme"])
    response = redirect("payroll:dashboard")
    response.set_cookie("bo_theme", theme, max_age=60 * 60 * 24 * 365)
    return response
