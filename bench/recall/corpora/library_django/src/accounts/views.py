import logging

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, UpdateView
from django_ratelimit.decorators import ratelimit

from .forms import (
    AcceptInviteForm,
    ActivationForm,
    KioskPinForm,
    LoginForm,
    ProfileForm,
    RegistrationForm,
    ResendActivationForm,
    StaffInviteForm,
)
from .models import PendingRegistration, StaffInvitation
from .services import (
    ActivationError,
    accept_invitation,
    complete_registration,
    invite_staff,
    send_activation_email,
    start_registration,
)

logger = logging.getLogger("libnet.accounts")


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


class PatronLoginView(FormView):
    template_name = "accounts/login.html"
    form_class = LoginForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("catalogue:title-list")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        username = form.cleaned_data["username"].strip()
        user = authenticate(
            self.request, username=username, password=form.cleaned_data["password"]
        )
        if user is None:
            logger.warning("failed login for %r from %s", username, client_ip(self.request))
            form.add_error(None, "Those details don't match an active account.")
            return self.form_invalid(form)

        login(self.request, user)
        if not form.cleaned_data.get("remember_me"):
            self.request.session.set_expiry(0)
        return redirect(self.get_success_url())

    def get_success_url(self):
        target = self.request.POST.get("next") or self.request.GET.get("next")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return str(reverse_lazy("catalogue:title-list"))


class RegisterView(FormView):
    template_name = "accounts/register.html"
    form_class = RegistrationForm
    success_url = reverse_lazy("accounts:activate")

    def form_valid(self, form):
        pending = start_registration(form.cleaned_data, self.request)
        self.request.session["activation_email"] = pending.email
        messages.info(self.request, f"We've sent a code to {pending.email}.")
        return super().form_valid(form)


class ActivateView(FormView):
    template_name = "accounts/activate.html"
    form_class = ActivationForm
    success_url = reverse_lazy("catalogue:title-list")

    def get_initial(self):
        return {"email": self.request.session.get("activation_email", "")}

    def form_valid(self, form):
        try:
            patron = complete_registration(form.cleaned_data["email"], form.cleaned_data["code"])
        except ActivationError as exc:
            form.add_error("code", str(exc))
            return self.form_invalid(form)
        login(self.request, patron, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(self.request, f"Welcome! Your card number is {patron.card_number}.")
        return super().form_valid(form)


@method_decorator(ratelimit(key="ip", rate="3/h", method="POST", block=True), name="post")
class ResendActivationView(FormView):
    template_name = "accounts/resend_activation.html"
    form_class = ResendActivationForm
    success_url = reverse_lazy("accounts:activate")

    def form_valid(self, form):
        pending = (
            PendingRegistration.objects.filter(email__iexact=form.cleaned_data["email"])
            .order_by("-created_at")
            .first()
        )
        if pending and not pending.is_expired:
            send_activation_email(pending, self.request)
        # Same answer either way so this can't be used to probe addresses.
        messages.info(self.request, "If that address is waiting for activation, a new e-mail is on its way.")
        return super().form_valid(form)


@method_decorator(ratelimit(key="ip", rate="5/h", method="POST", block=True), name="post")
@method_decorator(ratelimit(key="post:email", rate="3/h", method="POST", block=True), name="post")
class PasswordResetRequestView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "emails/password_reset.txt"
    subject_template_name = "emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")


class ProfileView(LoginRequiredMixin, UpdateView):
    template_name = "accounts/profile.html"
    form_class = ProfileForm
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user


class KioskPinView(LoginRequiredMixin, FormView):
    template_name = "accounts/kiosk_pin.html"
    form_class = KioskPinForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        user = self.request.user
        user.set_kiosk_pin(form.cleaned_data["pin"])
        user.save(update_fields=["kiosk_pin_hash"])
        messages.success(self.request, "Your self-service PIN has been updated.")
        return super().form_valid(form)


class StaffInviteView(PermissionRequiredMixin, FormView):
    permission_required = "accounts.add_staffinvitation"
    template_name = "accounts/staff_invite.html"
    form_class = StaffInviteForm
    success_url = reverse_lazy("accounts:staff-invite")

    def form_valid(self, form):
        invite_staff(
            form.cleaned_data["email"], form.cleaned_data["branch"], self.request.user, self.request
        )
        messages.success(self.request, f"Invitation sent to {form.cleaned_data['email']}.")
        return super().form_valid(form)


class AcceptInviteView(FormView):
    template_name = "accounts/accept_invite.html"
    form_class = AcceptInviteForm
    success_url = reverse_lazy("accounts:login")

    def dispatch(self, request, *args, **kwargs):
        self.invitation = get_object_or_404(StaffInvitation, token=kwargs["token"])
        if not self.invitation.is_usable:
            messages.error(request, "This invitation has expired or was already used.")
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(invitation=self.invitation, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        accept_invitation(
            self.invitation,
            data["username"],
            data["password1"],
            data["first_name"],
            data["last_name"],
        )
        messages.success(self.request, "Your staff account is ready. Please sign in.")
        return super().form_valid(form)

