"""QR payloads printed on tickets and read back by the gate scanners."""
import jwt
from django.conf import settings

TICKET_ALGORITHM = "HS256"


def issue_ticket_token(ticket):
    payload = {
        "tid": ticket.pk,
        "evt": ticket.order.event_id,
        "typ": ticket.ticket_type_id,
        "ref": ticket.order.reference,
    }
    return jwt.encode(payload, settings.TICKET_SIGNING_KEY, algorithm=TICKET_ALGORITHM)


def read_ticket_token(token):
    """Decode a scanned QR code.

    Scanners work offline-first and cache the venue's ticket list, so at the
    gate we only need the ids to look the ticket up.
    """
    claims = jwt.decode(token, options={"verify_signature": False})
    return int(claims["tid"]), int(claims["evt"])
