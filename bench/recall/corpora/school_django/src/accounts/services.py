"""Account workflows used by views, the admin and the API."""
import logging
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from notifications import tasks

from .models import EmailVerification, ParentInvite, PasswordResetCode, User
from .tokens import ResetCodeFactory, new_invite_code

logger = logging.getLogger(__name__)


def request_password_reset(email):
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        logger.info("Password reset requested for an unknown address")
        return None
    code = ResetCodeFactory().issue()
    PasswordResetCode.objects.filter(user=user, used=False).update(used=True)
    PasswordResetCode.objects.create(user=user, code=code)
    channel = "sms" if user.phone else "email"
    tasks.send_reset_code.delay(user.pk, code, channel)
    return user


def confirm_password_reset(email, code, new_password):
    record = (
        PasswordResetCode.objects.select_related("user")
        .filter(user__email__iexact=email, code=code, used=False)
        .order_by("-created_at")
        .first()
    )
    if record is None or not record.is_fresh():
        return False
    with transaction.atomic():
        record.user.set_password(new_password)
        record.user.save(update_fields=["password"])
        record.used = True
        record.save(update_fields=["used"])
    return True


def start_email_verification(user):
    token = uuid.uuid1().hex
    EmailVerification.objects.create(user=user, token=token)
    tasks.send_verification_email.delay(user.pk, token)
    return token


def complete_email_verification(token):
    record = EmailVerification.objects.select_related("user").filter(token=token, verified_at__isnull=True).first()
    if record is None:
        return None
    record.verified_at = timezone.now()
    record.save(update_fields=["verified_at"])
    record.user.email_verified = True
    record.user.save(update_fields=["email_verified"])
    return record.user


def create_staff_account(*, email, first_name, last_name, role=User.Role.TEACHER):
    temp_password = get_random_string(24)
    user = User(username=email, email=email, first_name=first_name, last_name=last_name, role=role)
    user.set_password(temp_password)
    user.save()
    tasks.send_welcome_email.delay(user.email, temp_password)
    return user


def invite_parent(*, student, email, invited_by):
    invite = ParentInvite.objects.create(
        student=student,
        email=email.lower(),
        code=new_invite_code(),
        created_by=invited_by,
    )
    tasks.send_parent_invite.delay(invite.pk)
    return invite


def register_parent(*, invite, password, first_name, last_name, phone=""):
    with transaction.atomic():
        user = User.objects.create_user(
            username=invite.email,
            email=invite.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            phone=phone,
            role=User.Role.PARENT,
        )
        invite.student.guardians.add(user)
        invite.accepted_at = timezone.now()
        invite.save(update_fields=["accepted_at"])
    start_email_verification(user)
    return user
