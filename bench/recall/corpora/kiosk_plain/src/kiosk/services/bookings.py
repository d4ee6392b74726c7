"""Seat holds, bookings and refunds."""
import datetime as dt
import logging
import random
import re

from kiosk import config, db
from kiosk.models import Booking
from kiosk.services import showings

log = logging.getLogger(__name__)

REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SEAT_RE = re.compile(r"^[A-Z]\d{1,2}$")


class BookingError(Exception):
    pass


def new_reference():
    return "".join(random.choice(REF_ALPHABET) for _ in range(8))


def _validate_seats(seats):
    seats = sorted({s.strip().upper() for s in seats if s and s.strip()})
    if not seats:
        raise BookingError("Choose at least one seat.")
    if len(seats) > config.MAX_SEATS_PER_BOOKING:
        raise BookingError("At most %d seats per booking." % config.MAX_SEATS_PER_BOOKING)
    bad = [s for s in seats if not SEAT_RE.match(s)]
    if bad:
        raise BookingError("Unknown seat %s." % bad[0])
    return seats


def hold_seats(showing_id, seats, customer_name, email, customer_id=None, channel="web"):
    seats = _validate_seats(seats)
    showing = showings.get_showing(showing_id)
    if showing is None or showing.is_past:
        raise BookingError("That showing is no longer on sale.")
    with db.transaction():
        taken = showings.taken_seats(showing_id)
        clash = [s for s in seats if s in taken]
        if clash:
            raise BookingError("Seat %s has just been taken." % clash[0])
        booking_id = db.insert("bookings", {
            "reference": new_reference(),
            "showing_id": showing_id,
            "customer_id": customer_id,
            "customer_name": customer_name.strip()[:80],
            "email": email.strip().lower(),
            "status": "held",
            "channel": channel,
            "total_cents": showing.price_cents * len(seats),
            "created_at": dt.datetime.now(),
        })
        for seat in seats:
            db.insert("booking_seats", {"booking_id": booking_id, "seat": seat})
        db.execute(
            "UPDATE showings SET seats_sold = seats_sold + ? WHERE id = ?",
            (len(seats), showing_id),
        )
    return get(booking_id)


def seats_for(booking_id):
    rows = db.query("SELECT seat FROM booking_seats WHERE booking_id = ? ORDER BY seat", (booking_id,))
    return [row["seat"] for row in rows]


def get(booking_id):
    row = db.query_one("SELECT * FROM bookings WHERE id = ?", (booking_id,))
    return Booking.from_row(row, seats_for(row["id"])) if row else None


def get_by_reference(reference):
    row = db.query_one("SELECT * FROM bookings WHERE reference = ?", (reference.upper(),))
    return Booking.from_row(row, seats_for(row["id"])) if row else None


def detail(reference):
    row = db.query_one(
        "SELECT b.*, s.starts_at, s.screen, f.title FROM bookings b "
        "JOIN showings s ON s.id = b.showing_id JOIN films f ON f.id = s.film_id "
        "WHERE b.reference = ?",
        (reference.upper(),),
    )
    if row is None:
        return None
    row["seats"] = seats_for(row["id"])
    return row


def for_customer(customer_id):
    rows = db.query(
        "SELECT b.id, b.reference, b.status, s.starts_at, f.title FROM bookings b "
        "JOIN showings s ON s.id = b.showing_id JOIN films f ON f.id = s.film_id "
        "WHERE b.customer_id = ? ORDER BY s.starts_at DESC LIMIT 50",
        (customer_id,),
    )
    for row in rows:
        row["seats"] = seats_for(row["id"])
    return rows


def confirm_payment(booking_id, payment_ref):
    count = db.execute(
        "UPDATE bookings SET status = 'paid', payment_ref = ?, paid_at = ? "
        "WHERE id = ? AND status = 'held'",
        (payment_ref, dt.datetime.now(), booking_id),
    ).rowcount
    if count:
        log.info("booking %s paid", booking_id)
    return bool(count)


def _release(booking, new_status):
    with db.transaction():
        db.update("bookings", booking.id, {"status": new_status})
        db.execute(
            "UPDATE showings SET seats_sold = seats_sold - ? WHERE id = ?",
            (len(booking.seats), booking.showing_id),
        )
        db.execute("DELETE FROM booking_seats WHERE booking_id = ?", (booking.id,))


def cancel(reference):
    booking = get_by_reference(reference)
    if booking is None:
        raise BookingError("No such booking.")
    if booking.status != "held":
        raise BookingError("Only unpaid bookings can be cancelled online; paid bookings are refunded at the box office.")
    _release(booking, "cancelled")
    return booking


def refund(booking_id, reason, refunded_by):
    from kiosk.services import payments

    booking = get(booking_id)
    if booking is None or booking.status != "paid":
        raise BookingError("Only paid bookings can be refunded.")
    payments.refund(booking.payment_ref, booking.total_cents)
    _release(booking, "refunded")
    db.insert("refunds", {
        "booking_id": booking.id,
        "amount_cents": booking.total_cents,
        "reason": reason[:200],
        "refunded_by": refunded_by,
        "created_at": dt.datetime.now(),
    })
    log.info("booking %s refunded by %s", booking.reference, refunded_by)
    return booking


def admin_list(day):
    rows = db.query(
        "SELECT b.id, b.reference, b.customer_id, b.customer_name, b.email, b.status, "
        "b.total_cents, s.starts_at, f.title, "
        "(SELECT COUNT(*) FROM booking_seats bs WHERE bs.booking_id = b.id) AS seat_count "
        "FROM bookings b JOIN showings s ON s.id = b.showing_id JOIN films f ON f.id = s.film_id "
        "WHERE s.show_date = ? ORDER BY s.starts_at, b.id",
        (day.isoformat(),),
    )
    return rows


def release_expired_holds():
    cutoff = dt.datetime.now() - dt.timedelta(minutes=config.HOLD_MINUTES)
    rows = db.query(
        "SELECT id FROM bookings WHERE status = 'held' AND created_at < ?",
        (cutoff,),
    )
    for row in rows:
        booking = get(row["id"])
        _release(booking, "expired")
    return len(rows)
