import logging

from django import forms
from django.core import signing
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from .models import Subscriber
from .tasks import send_confirmation_email

logger = logging.getLogger("artsboard.newsletter")

UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class SignupForm(forms.Form):
    email = forms.EmailField()
    first_name = forms.CharField(max_length=80, required=False)
    region = forms.CharField(max_length=20, required=False)


def unsubscribe_token(subscriber):
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).sign(str(subscriber.pk))


@require_POST
def signup(request):
    form = SignupForm(request.POST)
    if not form.is_valid():
        return render(request, "newsletter/result.html", {"outcome": "invalid", "form": form}, status=400)

    email = form.cleaned_data["email"].lower()
    subscriber, created = Subscriber.objects.get_or_create(
        email=email,
        defaults={
            "first_name": form.cleaned_data["first_name"],
            "region": form.cleaned_data["region"],
            "source": request.POST.get("source", "footer")[:40],
        },
    )
    if subscriber.status != Subscriber.Status.ACTIVE:
        if not created:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.save(update_fields=["status"])
        send_confirmation_email.delay(subscriber.pk)
    logger.info("Newsletter signup for subscriber %s (new=%s)", subscriber.pk, created)
    return render(request, "newsletter/result.html", {"outcome": "check_inbox", "email": email})


def confirm(request, token):
    subscriber = get_object_or_404(Subscriber, confirm_token=token)
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return render(request, "newsletter/result.html", {"outcome": "confirmed", "subscriber": subscriber})


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        pk = signing.TimestampSigner(salt=UNSUBSCRIBE_SALT).unsign(token, max_age=60 * 60 * 24 * 365)
    except signing.BadSignature:
        return render(request, "newsletter/result.html", {"outcome": "bad_link"}, status=400)

    subscriber = get_object_or_404(Subscriber, pk=pk)
    if request.method == "POST":
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.save(update_fields=["status"])
        return render(request, "newsletter/result.html", {"outcome": "unsubscribed"})
    return render(request, "newsletter/result.html", {"outcome": "confirm_unsubscribe", "subscriber": subscriber})
