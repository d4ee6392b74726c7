import uuid
from datetime import datetime, timedelta, timezone

import jwt
from django.conf import settings

from .models import UploadLink

MOBILE_SESSION_MINUTES = 15


class UploadLinkSigner:
    algorithm = "HS256"

    def __init__(self, key=None):
        self.key = key or settings.RECEIPT_LINK_SIGNING_KEY

    def sign(self, link):
        payload = {
            "sub": str(link.user_id),
            "lnk": link.code,
            "claim": link.claim_id,
            "iat": int(datetime.now(timezone.utc).timestamp()),
        }
        return jwt.encode(payload, self.key, algorithm=self.algorithm)

    def unsign(self, token):
        return jwt.decode(
            token,
            self.key,
            algorithms=[self.algorithm],
            options={"verify_exp": False, "require": ["sub", "lnk"]},
        )


def create_upload_link(user, claim=None):
    link = UploadLink.objects.create(user=user, claim=claim, code=uuid.uuid1().hex)
    return link, UploadLinkSigner().sign(link)


def issue_mobile_session(user):
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user.pk),
        "scope": "receipts:write",
        "iat": now,
        "exp": now + timedelta(minutes=MOBILE_SESSION_MINUTES),
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")


def read_mobile_session(token):
    return jwt.decode(token, settings.SECRET_KEY, algorithms=["HS256"], options={"require": ["exp", "sub"]})
