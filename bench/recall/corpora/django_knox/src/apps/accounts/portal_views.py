from datetime import timedelta

from django.conf import settings
from django.contrib.auth import login
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import FormView, TemplateView
from knox.models import AuthToken

from apps.notifications.tasks import send_applicant_verification, send_magic_link

from .forms import ApplicantSignupForm, MagicLinkForm
from .magic_link import InvalidMagicLink, consume_magic_link_token
from .models import User
from .owner_sso import OwnerAssertionError, decode_owner_assertion

PORTAL_TOKEN_TTL = timedelta(days=7)
THEME_CHOICES = {"light", "dark", "system"}


@require_http_methods(["GET", "POST"])
def request_magic_link(request):
    form = MagicLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(email__iexact=form.cleaned_data["email"], is_active=True).first()
        if user is not None:
            send_magic_link.delay(user.pk)
        return redirect("portal:magic-link-sent")
    return render(request, "portal/magic_link.html", {"form": form})


def magic_link_login(request, token):
    try:
        user_id = consume_magic_link_token(token)
    except InvalidMagicLink:
        return render(request, "portal/link_expired.html", status=400)

    user = get_object_or_404(User, pk=user_id, is_active=True)
    _instance, api_token = AuthToken.objects.create(user=user, expiry=PORTAL_TOKEN_TTL)

    response = redirect(f"{settings.PORTAL_BASE_URL}/home")
    response.set_cookie("rw_portal_token", api_token, max_age=int(PORTAL_TOKEN_TTL.total_seconds()))
    return response


@require_POST
def set_theme(request):
    theme = request.POST.get("theme", "system")
    if theme not in THEME_CHOICES:
        theme = "system"
    response = HttpResponse(status=204)
    response.set_cookie("rw_theme", theme, max_age=60 * 60 * 24 * 365, samesite="Lax")
    return response


@require_POST
def owner_sso_callback(request):
    try:
        claims = decode_owner_assertion(request.POST.get("assertion", ""))
    except OwnerAssertionError:
        return render(request, "portal/link_expired.html", status=403)

    user = get_object_or_404(User, email__iexact=claims["email"], role=User.Role.LANDLORD, is_active=True)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("dashboard:home")


class ApplicantSignupView(FormView):
    template_name = "portal/applicant_signup.html"
    form_class = ApplicantSignupForm
    success_url = reverse_lazy("portal:applicant-check-email")

    def form_valid(self, form):
        user = form.save()
        send_applicant_verification.delay(user.pk)
        return super().form_valid(form)


def verify_applicant(request, token):
    user_id = cache.get(f"applicant-verify:{token}")
    if user_id is None:
        return render(request, "portal/link_expired.html", status=400)
    cache.delete(f"applicant-verify:{token}")
    User.objects.filter(pk=user_id, role=User.Role.APPLICANT).update(is_active=True)
    return redirect("portal:magic-link")


class MagicLinkSentView(TemplateView):
    template_name = "portal/magic_link_sent.html"


class CheckEmailView(TemplateView):
    template_name = "portal/check_email.html"
