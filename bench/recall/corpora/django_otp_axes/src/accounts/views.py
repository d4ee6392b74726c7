import logging

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_ratelimit.decorators import ratelimit

from . import services
from .forms import AcceptInvitationForm, InviteForm, KioskPinForm, PasswordResetRequestForm, SecondFactorForm
from .models import Invitation
from .tokens import consume_email_verification, issue_email_verification

logger = logging.getLogger(__name__)
User = get_user_model()


class PortalLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        return reverse("accounts:otp-verify")


@login_required
@ratelimit(key="user", rate="5/m", method="POST", block=True)
def otp_verify(request):
    form = SecondFactorForm(request.user, request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, request.user.otp_device)
        return redirect("expenses:claim-list")
    return render(
        request,
        "accounts/form_page.html",
        {"title": "Two-step verification", "button": "Verify", "form": form},
    )


@require_http_methods(["GET", "POST"])
def password_reset_request(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True).first()
        if user is not None:
            uid = urlsafe_base64_encode(force_bytes(user.pk))
            token = default_token_generator.make_token(user)
            link = request.build_absolute_uri(reverse("accounts:reset-confirm", args=[uid, token]))
            send_mail("Reset your Acme Expenses password", f"Use this link: {link}", None, [user.email])
        messages.info(request, "If the address is registered, a reset link is on its way.")
        return redirect("accounts:login")
    return render(
        request,
        "accounts/form_page.html",
        {"title": "Reset your password", "button": "Send reset link", "form": form},
    )


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def accept_invitation(request, code):
    invitation = get_object_or_404(Invitation, code=code, accepted_at__isnull=True)
    user = User(username=invitation.email, email=invitation.email, department=invitation.department)
    form = AcceptInvitationForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        token = issue_email_verification(user)
        confirm = request.build_absolute_uri(reverse("accounts:verify-email", args=[token]))
        send_mail("Confirm your address", f"Confirm your email address: {confirm}", None, [user.email])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        messages.success(request, "Account created. Please sign in and enrol your authenticator.")
        return redirect("accounts:login")
    return render(
        request,
        "accounts/form_page.html",
        {"title": "Create your account", "button": "Create account", "form": form, "invitation": invitation},
    )


@login_required
@ratelimit(key="user", rate="20/d", method="POST", block=True)
def send_invitation(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite_colleague(
            request.user, form.cleaned_data["email"], request.user.department, request.build_absolute_uri("/")[:-1]
        )
        messages.success(request, "Invitation sent.")
        return redirect("expenses:claim-list")
    return render(
        request,
        "accounts/form_page.html",
        {"title": "Invite a colleague", "button": "Send invitation", "form": form},
    )


def verify_email(request, token):
    user = consume_email_verification(token)
    if user is None:
        messages.error(request, "That verification link is no longer valid.")
    else:
        messages.success(request, "Email address confirmed.")
    return redirect("accounts:login")


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def kiosk_login(request):
    """Shared reception kiosk: staff scan paper receipts with a short PIN."""
    form = KioskPinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(username=form.cleaned_data["username"], is_active=True).first()
        if services.check_kiosk_pin(user, form.cleaned_data["pin"]):
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("expenses:receipt-scan")
        messages.error(request, "Unknown user or PIN.")
    return render(
        request,
        "accounts/form_page.html",
        {"title": "Receipt kiosk", "button": "Start scanning", "form": form},
    )
