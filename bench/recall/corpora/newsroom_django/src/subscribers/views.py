import logging
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import emails
from .decorators import subscriber_required
from .forms import LoginForm, PreferencesForm, ResetConfirmForm, ResetRequestForm, SignupForm
from .models import PasswordResetCode, Subscriber, SubscriberSession
from .tokens import make_reset_code, new_session_token

logger = logging.getLogger(__name__)


def _safe_next(request, fallback="articles:home"):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(fallback)


def _start_session(request, subscriber, response, remember=True):
    token = new_session_token()
    SubscriberSession.objects.create(
        subscriber=subscriber,
        token=token,
        expires_at=timezone.now() + timedelta(seconds=settings.SUBSCRIBER_SESSION_AGE),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
        ip_address=request.META.get("REMOTE_ADDR"),
    )
    max_age = settings.SUBSCRIBER_SESSION_AGE if remember else None
    response.set_cookie(settings.SUBSCRIBER_COOKIE, token, max_age=max_age)
    Subscriber.objects.filter(pk=subscriber.pk).update(last_login_at=timezone.now())
    return response


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
def signup(request):
    if request.subscriber is not None:
        return redirect("subscribers:account")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            subscriber = form.save()
        emails.send_welcome(request, subscriber)
        messages.success(request, "Welcome to the Gazette.")
        return _start_session(request, subscriber, redirect(_safe_next(request)))
    return render(request, "subscribers/signup.html", {"form": form})


def login_view(request):
    if request.subscriber is not None:
        return redirect(_safe_next(request))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        subscriber = Subscriber.objects.filter(email__iexact=email, is_active=True).first()
        if subscriber is not None and subscriber.check_password(form.cleaned_data["password"]):
            logger.info("subscriber %s signed in", subscriber.pk)
            response = redirect(_safe_next(request))
            return _start_session(request, subscriber, response, remember=form.cleaned_data["remember"])
        logger.warning("failed sign-in for subscriber %s", subscriber.pk if subscriber else "-")
        form.add_error(None, "That email and password don't match our records.")
    return render(request, "subscribers/login.html", {"form": form, "next": request.GET.get("next", "")})


@require_POST
def logout_view(request):
    token = request.COOKIES.get(settings.SUBSCRIBER_COOKIE)
    if token:
        SubscriberSession.objects.filter(token=token).delete()
    response = redirect("articles:home")
    response.delete_cookie(settings.SUBSCRIBER_COOKIE)
    return response


def password_reset_request(request):
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriber = Subscriber.objects.filter(
            email__iexact=form.cleaned_data["email"], is_active=True
        ).first()
        if subscriber is not None:
            reset = PasswordResetCode.objects.create(subscriber=subscriber, code=make_reset_code())
            emails.send_password_reset(request, subscriber, reset.code)
        # same page either way so the form can't be used to probe for accounts
        return redirect("subscribers:reset-sent")
    return render(request, "subscribers/reset_request.html", {"form": form})


def password_reset_sent(request):
    return render(request, "subscribers/reset_sent.html")


def password_reset_confirm(request, code):
    reset = PasswordResetCode.objects.select_related("subscriber").filter(code=code).first()
    if reset is None or not reset.is_usable():
        return render(request, "subscribers/reset_invalid.html", status=400)
    form = ResetConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriber = reset.subscriber
        with transaction.atomic():
            subscriber.set_password(form.cleaned_data["new_password"])
            subscriber.save(update_fields=["password_hash"])
            reset.used_at = timezone.now()
            reset.save(update_fields=["used_at"])
            subscriber.sessions.all().delete()
        messages.success(request, "Password changed. Please sign in again.")
        return redirect("subscribers:login")
    return render(request, "subscribers/reset_confirm.html", {"form": form})


@subscriber_required
def account(request):
    subscriber = request.subscriber
    context = {
        "subscriber": subscriber,
        "form": PreferencesForm(instance=subscriber),
        "sessions": subscriber.sessions.order_by("-created_at")[:5],
    }
    return render(request, "subscribers/account.html", context)


@csrf_exempt
@require_POST
@subscriber_required
def update_preferences(request):
    """Account page form, and the newsletter toggles embedded in our AMP emails."""
    form = PreferencesForm(request.POST, instance=request.subscriber)
    if form.is_valid():
        form.save()
        messages.success(request, "Preferences saved.")
    else:
        messages.error(request, "Please check the form and try again.")
    return redirect("subscribers:account")
