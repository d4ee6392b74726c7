from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from .models import User
from .tokens import make_email_verification_token


@shared_task
def send_verification_email(user_id):
    user = User.objects.filter(pk=user_id).first()
    if user is None or user.email_verified:
        return
    token = make_email_verification_token(user)
    link = f"{settings.FRONTEND_URL}/verify-email?token={token}"
    body = render_to_string("emails/verify_email.txt", {"user": user, "link": link})
    send_mail("Confirm your e-mail address", body, settings.DEFAULT_FROM_EMAIL, [user.email])


@shared_task
def send_welcome_email(user_id):
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    body = render_to_string("emails/welcome.txt", {"user": user})
    send_mail("Welcome to Ticketing", body, settings.DEFAULT_FROM_EMAIL, [user.email])
