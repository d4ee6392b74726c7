from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse


def _send(subject, template, context, to):
    text = render_to_string(f"subscribers/emails/{template}.txt", context)
    html = render_to_string(f"subscribers/emails/{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    message.send()


def send_password_reset(request, subscriber, code):
    link = request.build_absolute_uri(reverse("subscribers:reset-confirm", args=[code]))
    ttl_hours = int(settings.PASSWORD_RESET_CODE_TTL.total_seconds() // 3600)
    context = {
        "subscriber": subscriber,
        "link": link,
        "site_name": settings.SITE_NAME,
        "ttl_hours": ttl_hours,
    }
    _send(f"Reset your {settings.SITE_NAME} password", "password_reset", context, subscriber.email)


def send_welcome(request, subscriber):
    context = {
        "subscriber": subscriber,
        "site_name": settings.SITE_NAME,
        "account_url": request.build_absolute_uri(reverse("subscribers:account")),
    }
    _send(f"Welcome to {settings.SITE_NAME}", "welcome", context, subscriber.email)
