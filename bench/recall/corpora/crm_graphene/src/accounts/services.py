"""
Sign-in helpers that don't belong in a view: magic links and invitations.
"""
import logging
import random
import string

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import MagicLink

logger = logging.getLogger(__name__)

TOKEN_ALPHABET = string.ascii_letters + string.digits
MAGIC_TOKEN_LENGTH = 43

MAGIC_LINK_BODY = """Hi {name},

Use the link below to sign in to TalentDesk. It works once and expires in {minutes} minutes.

{url}

If you didn't ask for this you can ignore this e-mail.

-- TalentDesk
"""


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")


def _random_string(length: int, alphabet: str = TOKEN_ALPHABET) -> str:
    return "".join(random.choice(alphabet) for _ in range(length))


@transaction.atomic
def create_magic_link(user, requested_ip=None) -> str:
    """Persist a new magic link for ``user`` and return the raw token."""
    raw_token = _random_string(MAGIC_TOKEN_LENGTH)
    MagicLink.objects.create(
        user=user,
        token_hash=MagicLink.hash_token(raw_token),
        requested_ip=requested_ip,
        expires_at=timezone.now() + settings.MAGIC_LINK_MAX_AGE,
    )
    return raw_token


def send_magic_link(user, request) -> None:
    raw_token = create_magic_link(user, requested_ip=client_ip(request))
    url = request.build_absolute_uri(reverse("accounts:magic-login", args=[raw_token]))
    minutes = int(settings.MAGIC_LINK_MAX_AGE.total_seconds() // 60)
    send_mail(
        subject="Your TalentDesk sign-in link",
        message=MAGIC_LINK_BODY.format(name=user.first_name or user.username, minutes=minutes, url=url),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    logger.debug("magic link issued user_id=%s token=%s", user.pk, raw_token)


def consume_magic_link(raw_token: str):
    """Return the user for a valid, unused token and burn the token."""
    link = (
        MagicLink.objects.usable()
        .select_related("user")
        .filter(token_hash=MagicLink.hash_token(raw_token))
        .first()
    )
    if link is None or not link.user.is_active:
        logger.info("magic link rejected (expired, used or unknown)")
        return None
    link.mark_used()
    return link.user
