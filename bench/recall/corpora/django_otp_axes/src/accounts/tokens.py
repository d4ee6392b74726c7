import hashlib
import time

from .models import EmailVerification


def make_verification_token(user):
    seed = f"{user.pk}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def issue_email_verification(user):
    token = make_verification_token(user)
    EmailVerification.objects.create(user=user, token=token)
    return token


def consume_email_verification(token):
    record = EmailVerification.objects.select_related("user").filter(token=token).first()
    if record is None:
        return None
    user = record.user
    user.email_verified = True
    user.save(update_fields=["email_verified"])
    record.delete()
    return user
