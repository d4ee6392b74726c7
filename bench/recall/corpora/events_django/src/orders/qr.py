import io
from datetime import timedelta
from functools import lru_cache

import qrcode
from django.conf import settings
from jose import jwt

QR_ALGORITHM = "RS256"


@lru_cache(maxsize=1)
def _private_key():
    with open(settings.TICKET_QR_PRIVATE_KEY_PATH) as fh:
        return fh.read()


@lru_cache(maxsize=1)
def public_key():
    """Also handed to the scanner app so it can validate tickets offline."""
    with open(settings.TICKET_QR_PUBLIC_KEY_PATH) as fh:
        return fh.read()


def ticket_qr_token(ticket):
    expires = ticket.event.ends_at + timedelta(hours=6)
    claims = {
        "tid": ticket.pk,
        "eid": ticket.event_id,
        "code": ticket.code,
        "exp": int(expires.timestamp()),
    }
    return jwt.encode(claims, _private_key(), algorithm=QR_ALGORITHM, headers={"kid": "qr-1"})


def read_ticket_qr(data):
    header = jwt.get_unverified_header(data)
    return jwt.decode(data, public_key(), algorithms=[header.get("alg", QR_ALGORITHM)])


def qr_png(ticket, box_size=8):
    img = qrcode.make(ticket_qr_token(ticket), box_size=box_size, border=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()
