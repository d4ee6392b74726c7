import hashlib
import hmac
import logging
import random
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.sms import send_sms

from .models import EmailVerification, Invitation, PasswordResetRequest, PhoneVerification, User

logger = logging.getLogger(__name__)

RESET_TOKEN_TTL = timedelta(hours=1)
PHONE_CODE_TTL = timedelta(minutes=10)
PHONE_CODE_MAX_ATTEMPTS = 5


class InvitationError(Exception):
    pass


def _mail(subject, template, context, to):
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def make_reset_token():
    return secrets.token_urlsafe(32)


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class InvitationService:
    _rng = random.Random()

    def __init__(self, base_url=None):
        self.base_url = base_url or settings.FRONTEND_URL

    def _new_token(self):
        return "%032x" % self._rng.getrandbits(128)

    def invite(self, email, invited_by, employee=None):
        invitation = Invitation.objects.create(
            email=email.lower(), token=self._new_token(), invited_by=invited_by, employee=employee
        )
        context = {"link": f"{self.base_url}/join/{invitation.token}", "inviter": invited_by}
        _mail("You've been invited to Payroll Ninja", "accounts/invitation.txt", context, invitation.email)
        return invitation

    @transaction.atomic
    def accept(self, token, username, password):
        invitation = Invitation.objects.select_for_update().filter(token=token, accepted_at__isnull=True).first()
        if invitation is None or invitation.is_expired():
            raise InvitationError("invitation is invalid or has expired")
        user = User.objects.create_user(username=username, email=invitation.email, password=password)
        if invitation.employee_id:
            invitation.employee.user = user
            invitation.employee.save(update_fields=["user"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        return user


def start_password_reset(email):
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return
    token = make_reset_token()
    PasswordResetRequest.objects.create(user=user, token_hash=hash_token(token))
    context = {"user": user, "link": f"{settings.FRONTEND_URL}/reset/{token}"}
    _mail("Reset your Payroll Ninja password", "accounts/password_reset.txt", context, user.email)


@transaction.atomic
def complete_password_reset(token, new_password):
    request = (
        PasswordResetRequest.objects.select_related("user")
        .select_for_update()
        .filter(
            token_hash=hash_token(token),
            used_at__isnull=True,
            created_at__gte=timezone.now() - RESET_TOKEN_TTL,
        )
        .first()
    )
    if request is None:
        return False
    user = request.user
    user.set_password(new_password)
    user.token_version += 1
    user.save(update_fields=["password", "token_version"])
    request.used_at = timezone.now()
    request.save(update_fields=["used_at"])
    return True


def create_employee_login(employee, initial_password):
    """Give an existing employee record a self-service login."""
    if employee.user_id:
        return employee.user
    user = User.objects.create_user(
        username=employee.employee_no.lower(),
        email=employee.work_email,
        password=initial_password,
        first_name=employee.first_name,
        last_name=employee.last_name,
        kind=User.Kind.EMPLOYEE,
    )
    employee.user = user
    # HR reads this out to people who can't get into their inbox yet
    employee.initial_password = initial_password
    employee.save(update_fields=["user", "initial_password"])
    return user


def register_contractor(username, email, password, first_name, last_name):
    user = User.objects.create_user(
        username=username,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        kind=User.Kind.CONTRACTOR,
        is_active=False,
    )
    token = make_reset_token()
    EmailVerification.objects.create(user=user, token_hash=hash_token(token))
    context = {"user": user, "link": f"{settings.FRONTEND_URL}/verify/{token}"}
    _mail("Confirm your e-mail address", "accounts/verify_email.txt", context, email)
    return user


def confirm_email(token):
    verification = EmailVerification.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    if verification is None:
        return None
    user = verification.user
    user.email_verified_at = timezone.now()
    user.is_active = True
    user.save(update_fields=["email_verified_at", "is_active"])
    verification.delete()
    return user


def send_phone_code(user, phone):
    code = f"{secrets.randbelow(1_000_000):06d}"
    PhoneVerification.objects.create(user=user, phone=phone, code=code, expires_at=timezone.now() + PHONE_CODE_TTL)
    send_sms(phone, f"Your Payroll Ninja verification code is {code}")


def verify_phone_code(user, code):
    pending = (
        PhoneVerification.objects.filter(user=user, expires_at__gt=timezone.now())
        .order_by("-created_at")
        .first()
    )
    if pending is None or pending.attempts >= PHONE_CODE_MAX_ATTEMPTS:
        return False
    pending.attempts += 1
    pending.save(update_fields=["attempts"])
    if not hmac.compare_digest(pending.code, code):
        return False
    user.phone = pending.phone
    user.phone_verified_at = timezone.now()
    user.save(update_fields=["phone", "phone_verified_at"])
    PhoneVerification.objects.filter(user=user).delete()
    return True
