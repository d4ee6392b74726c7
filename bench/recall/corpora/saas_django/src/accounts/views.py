import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode, urlsafe_base64_encode
from django.views import View
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from tenants.services import create_tenant_for_owner, tenant_url

from .forms import FirmSignupForm, LoginForm, PasswordResetRequestForm, SetNewPasswordForm

logger = logging.getLogger("ledgerly.accounts")
User = get_user_model()


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
@ratelimit(key="post:email", rate="5/5m", method="POST", block=True)
def login_view(request):
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
        )
        if user is None:
            form.add_error(None, "E-mail or password is incorrect.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            if not form.cleaned_data["remember_me"]:
                request.session.set_expiry(0)
            next_url = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=True):
                return redirect(next_url)
            return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/login.html", {"form": form})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")


class FirmSignupView(View):
    """Self-service signup: creates the user, the firm and the owner membership."""

    template_name = "accounts/signup.html"

    def get(self, request):
        return render(request, self.template_name, {"form": FirmSignupForm()})

    def post(self, request):
        form = FirmSignupForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)

        data = form.cleaned_data
        user = User.objects.create_user(
            email=data["email"],
            password=data["password1"],
            full_name=data["full_name"],
        )
        tenant = create_tenant_for_owner(data["firm_name"], data["slug"], user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        logger.info("New firm signup tenant=%s owner=%s", tenant.pk, user.pk)
        return redirect(tenant_url(tenant, reverse("reports:dashboard")))


def password_reset_request(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is not None:
            _send_reset_email(request, user)
        # Same answer whether or not the address exists.
        messages.info(request, "If that address has an account, a reset link is on its way.")
        return redirect("accounts:login")
    return render(request, "accounts/password_reset.html", {"form": form})


def _send_reset_email(request, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    reset_url = request.build_absolute_uri(reverse("accounts:password-reset-confirm", args=[uid, token]))
    logger.info("Password reset for user=%s token=%s", user.pk, token)
    send_mail(
        subject="Reset your Ledgerly password",
        message=render_to_string("emails/password_reset.txt", {"user": user, "reset_url": reset_url}),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


@ratelimit(key="ip", rate="20/h", block=True)
def password_reset_confirm(request, uidb64, token):
    try:
        user = User.objects.get(pk=urlsafe_base64_decode(uidb64).decode())
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None

    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/password_reset_invalid.html", status=400)

    form = SetNewPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user.set_password(form.cleaned_data["new_password1"])
        user.save(update_fields=["password"])
        messages.success(request, "Your password has been changed. Please sign in.")
        return redirect("accounts:login")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})
