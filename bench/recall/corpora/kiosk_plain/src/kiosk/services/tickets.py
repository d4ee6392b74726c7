"""E-tickets: the signed QR code customers show at the door or scan at a kiosk."""
import datetime as dt
import io
import logging

import jwt
import qrcode

from kiosk import db
from kiosk.services import bookings, showings

log = logging.getLogger(__name__)

_QR_SIGNING_KEY = "pph-qr-2023"
ADMIT_GRACE = dt.timedelta(hours=4)


class TicketError(Exception):
    pass


def ticket_token(booking):
    showing = showings.get_showing(booking.showing_id)
    claims = {
        "ref": booking.reference,
        "bid": booking.id,
        "show": showing.id,
        "seats": booking.seats,
        "exp": showing.starts_at + ADMIT_GRACE,
    }
    return jwt.encode(claims, _QR_SIGNING_KEY, algorithm="HS256")


def read_ticket(token, verify=True):
    if not verify:
        return jwt.decode(token, options={"verify_signature": False})
    try:
        return jwt.decode(token, _QR_SIGNING_KEY, algorithms=["HS256"], options={"require": ["exp", "bid"]})
    except jwt.ExpiredSignatureError:
        raise TicketError("This ticket has expired.")
    except jwt.PyJWTError:
        raise TicketError("This is not a valid ticket.")


def qr_png(token, box_size=8):
    img = qrcode.make(token, box_size=box_size, border=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def admit(token, staff_id):
    from kiosk.services import staff

    claims = read_ticket(token)
    booking = bookings.get(claims["bid"])
    if booking is None or booking.status != "paid":
        raise TicketError("Booking is not paid.")
    already = db.scalar("SELECT COUNT(*) FROM admissions WHERE booking_id = ?", (booking.id,))
    if already:
        raise TicketError("Ticket already used.")
    staff.record_admission(staff_id, booking.id, claims["show"])
    return booking


def printable(booking):
    """Everything the kiosk printer needs for one booking."""
    detail = bookings.detail(booking.reference)
    return {
        "reference": booking.reference,
        "title": detail["title"],
        "screen": detail["screen"],
        "starts_at": str(detail["starts_at"]),
        "seats": booking.seats,
        "qr": ticket_token(booking),
    }
