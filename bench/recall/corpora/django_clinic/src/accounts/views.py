import logging

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LoginView
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView, UpdateView
from django_ratelimit.decorators import ratelimit

from . import services
from .forms import (
    PasswordResetConfirmForm,
    PasswordResetRequestForm,
    ProfileForm,
    RegistrationForm,
    StaffInviteAcceptForm,
)
from .models import PatientProfile, StaffInvite

logger = logging.getLogger(__name__)
User = get_user_model()


class PatientLoginView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        logger.info("login ok user_id=%s", self.request.user.pk)
        return response


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def register(request):
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.set_password(form.cleaned_data["password1"])
        user.save()
        PatientProfile.objects.create(user=user)
        login(request, user)
        messages.success(request, "Welcome! Your account has been created.")
        return redirect("appointments:list")
    return render(request, "accounts/register.html", {"form": form})


@require_http_methods(["GET", "POST"])
def password_reset_request(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.start_password_reset(form.cleaned_data["email"])
        messages.info(request, "If that address is registered, a code is on its way.")
        return redirect("accounts:password_reset_confirm")
    return render(request, "accounts/password_reset.html", {"form": form})


@ratelimit(key="post:email", rate="5/15m", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request):
    form = PasswordResetConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok = services.finish_password_reset(
            form.cleaned_data["email"],
            form.cleaned_data["code"],
            form.cleaned_data["new_password"],
        )
        if ok:
            messages.success(request, "Password updated. Please sign in.")
            return redirect("accounts:login")
        form.add_error("code", "That code is invalid or has expired.")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


class ProfileUpdateView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "accounts/profile_form.html"
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        profile, _ = PatientProfile.objects.get_or_create(user=self.request.user)
        return profile


@method_decorator(ratelimit(key="ip", rate="10/h", method="POST", block=True), name="post")
class StaffInviteAcceptView(FormView):
    """Landing page for the link in a staff invitation e-mail."""

    form_class = StaffInviteAcceptForm
    template_name = "accounts/invite_accept.html"
    success_url = reverse_lazy("appointments:list")

    def dispatch(self, request, *args, **kwargs):
        self.invite = get_object_or_404(StaffInvite, token=kwargs["token"], accepted_at__isnull=True)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        user = User(
            username=data["username"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=self.invite.email,
            is_staff=True,
        )
        user.password = data["password1"]
        user.save()
        self.invite.accepted_at = timezone.now()
        self.invite.save(update_fields=["accepted_at"])
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        return super().form_valid(form)
