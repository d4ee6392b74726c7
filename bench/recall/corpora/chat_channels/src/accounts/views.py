import logging

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import FormView
from django_ratelimit.decorators import ratelimit

from .models import Invitation, User

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def ratelimited(request, exception):
    return HttpResponse("Too many attempts, please wait a few minutes.", status=429)


class AgentAuthenticationForm(AuthenticationForm):
    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_agent:
            raise forms.ValidationError("This account is not attached to a support team.", code="no_team")


class AgentLoginView(LoginView):
    template_name = "accounts/login.html"
    authentication_form = AgentAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if not user.is_available:
            user.is_available = True
            user.save(update_fields=["is_available"])
        return response

    def form_invalid(self, form):
        logger.warning(
            "Failed agent login for %r from %s",
            form.data.get("username", ""),
            client_ip(self.request),
        )
        return super().form_invalid(form)


@method_decorator(ratelimit(key="ip", rate="5/h", method="POST", block=True), name="post")
@method_decorator(ratelimit(key="post:email", rate="3/h", method="POST", block=True), name="post")
class PasswordResetRequestView(FormView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        form.save(
            request=self.request,
            use_https=self.request.is_secure(),
            email_template_name="registration/password_reset_email.html",
            subject_template_name="registration/password_reset_subject.txt",
        )
        messages.info(self.request, "If that address belongs to an agent, a reset link is on its way.")
        return super().form_valid(form)


class AcceptInviteForm(forms.Form):
    username = forms.SlugField(max_length=40)
    display_name = forms.CharField(max_length=80)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)
    password_confirm = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean_username(self):
        username = self.cleaned_data["username"].lower()
        if User.objects.filter(username=username).exists():
            raise forms.ValidationError("That username is taken.")
        return username

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password") != cleaned.get("password_confirm"):
            self.add_error("password_confirm", "Passwords do not match.")
        elif cleaned.get("password"):
            validate_password(cleaned["password"])
        return cleaned


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def accept_invite(request, token):
    invitation = get_object_or_404(Invitation.objects.usable(), token=token)
    form = AcceptInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User(
                username=form.cleaned_data["username"],
                email=invitation.email,
                display_name=form.cleaned_data["display_name"],
                team=invitation.team,
                role=invitation.role,
            )
            user.set_password(form.cleaned_data["password"])
            user.save()
            invitation.accepted_at = timezone.now()
            invitation.save(update_fields=["accepted_at"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to {invitation.team.name}!")
        return redirect("dashboard:inbox")
    return render(request, "accounts/accept_invite.html", {"form": form, "invitation": invitation})
