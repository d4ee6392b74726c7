from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.views import LoginView, LogoutView
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django.views.generic import CreateView, FormView, TemplateView
from ratelimit.decorators import ratelimit

from intranet.middleware import forget_device, remember_device

from .forms import (
    ContractorSignupForm,
    IntranetAuthenticationForm,
    InviteAcceptForm,
    PasswordResetRequestForm,
    ResendInvitationForm,
)
from .models import Invitation
from .services import create_invitation, notify_it_of_access_request, send_password_reset

User = get_user_model()


class IntranetLoginView(LoginView):
    template_name = "registration/login.html"
    authentication_form = IntranetAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("remember_device"):
            remember_device(response, form.get_user())
        return response


class IntranetLogoutView(LogoutView):
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        return forget_device(response)


class PasswordResetRequestView(FormView):
    template_name = "form_page.html"
    extra_context = {"page_title": "Forgotten password"}
    form_class = PasswordResetRequestForm
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        for user in User.objects.filter(email__iexact=email, is_active=True):
            send_password_reset(user)
        return super().form_valid(form)


class PasswordResetSentView(TemplateView):
    template_name = "message_page.html"
    extra_context = {
        "page_title": "Check your inbox",
        "message": "If the address belongs to an active account, a reset link is on its way.",
    }


class ContractorSignupView(CreateView):
    form_class = ContractorSignupForm
    template_name = "form_page.html"
    extra_context = {"page_title": "Request contractor access"}
    success_url = reverse_lazy("accounts:signup-done")

    def form_valid(self, form):
        response = super().form_valid(form)
        notify_it_of_access_request(self.object)
        return response


class SignupDoneView(TemplateView):
    template_name = "message_page.html"
    extra_context = {
        "page_title": "Request received",
        "message": "IT will review your request and e-mail you once your account is active.",
    }


class InviteAcceptView(FormView):
    form_class = InviteAcceptForm
    template_name = "form_page.html"
    extra_context = {"page_title": "Welcome - choose your password"}

    def dispatch(self, request, *args, **kwargs):
        self.invitation = get_object_or_404(Invitation, token=kwargs["token"])
        if not self.invitation.is_usable:
            messages.error(request, "This invitation has expired. Ask HR for a new one.")
            return redirect("accounts:login")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = User(username=form.cleaned_data["username"], email=self.invitation.email)
        user.set_password(form.cleaned_data["new_password1"])
        user.save()
        employee = self.invitation.employee
        if employee is not None:
            employee.user = user
            employee.save(update_fields=["user"])
        self.invitation.accepted_at = timezone.now()
        self.invitation.save(update_fields=["accepted_at"])
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("core:home")


@ratelimit(key="ip", rate="3/h", method="POST", block=True)
@require_http_methods(["GET", "POST"])
def resend_invitation(request):
    form = ResendInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        pending = Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).first()
        if pending is not None:
            create_invitation(email, employee=pending.employee)
        messages.info(request, "If an invitation exists for that address, a new link is on its way.")
        return redirect("accounts:login")
    return render(request, "form_page.html", {"form": form, "page_title": "Resend my invitation"})
