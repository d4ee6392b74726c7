import logging

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from .forms import LoginForm, MagicLinkRequestForm, RegistrationForm
from .models import User
from .services import consume_magic_link, send_magic_link

logger = logging.getLogger(__name__)


def ratelimited(request, exception):
    """Handler for django-ratelimit's Ratelimited exception (see RATELIMIT_VIEW)."""
    if request.htmx:
        return HttpResponse("Too many attempts, please wait a minute.", status=429)
    return render(request, "accounts/login.html", {"throttled": True}, status=429)


@ratelimit(key="ip", rate="20/m", method="POST", block=True)
@ratelimit(key="post:username", rate="5/m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def login_view(request):
    if request.user.is_authenticated:
        return redirect("candidates:list")

    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        next_url = request.POST.get("next") or request.GET.get("next")
        if next_url and next_url.startswith("/") and not next_url.startswith("//"):
            return redirect(next_url)
        return redirect("candidates:list")

    return render(
        request,
        "accounts/login.html",
        {"form": form, "magic_form": MagicLinkRequestForm(), "next": request.GET.get("next", "")},
    )


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, "You have been signed out.")
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
def magic_link_request(request):
    magic_form = MagicLinkRequestForm(request.POST or None)
    if request.method == "POST" and magic_form.is_valid():
        email = magic_form.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is not None:
            send_magic_link(user, request)
        # Same answer whether or not the address exists.
        messages.info(request, "If that address belongs to a TalentDesk account, a sign-in link is on its way.")
        return redirect("accounts:login")

    return render(request, "accounts/login.html", {"form": LoginForm(request), "magic_form": magic_form})


@ratelimit(key="ip", rate="20/m", block=True)
def magic_login(request, token):
    user = consume_magic_link(token)
    if user is None:
        messages.error(request, "That sign-in link has expired or was already used.")
        return redirect("accounts:login")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("candidates:list")


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def register(request):
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.set_password(form.cleaned_data["password1"])
        user.role = User.Role.RECRUITER
        user.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to TalentDesk, {user.first_name or user.username}!")
        return redirect("candidates:list")
    return render(request, "accounts/register.html", {"form": form})


@method_decorator(ratelimit(key="ip", rate="5/h", method="POST", block=True), name="post")
@method_decorator(ratelimit(key="post:email", rate="3/h", method="POST", block=True), name="post")
class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Stock password reset, throttled per client IP and per target address."""

    def form_valid(self, form):
        logger.info("password reset requested for %s", form.cleaned_data["email"])
        return super().form_valid(form)


@method_decorator(ratelimit(key="ip", rate="10/m", method="POST", block=True), name="post")
class ThrottledPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    pass
