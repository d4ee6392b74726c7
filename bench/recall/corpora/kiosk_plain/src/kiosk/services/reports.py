"""Figures for the manager's daily takings report and the reconciliation job."""
from kiosk import db

CHANNEL_LABELS = {"web": "Website", "box": "Box office"}


def daily_takings(day):
    rows = db.query(
        "SELECT f.title, s.starts_at, b.channel, COUNT(bs.seat) AS tickets, "
        "SUM(s.price_cents) AS takings "
        "FROM bookings b JOIN showings s ON s.id = b.showing_id "
        "JOIN films f ON f.id = s.film_id JOIN booking_seats bs ON bs.booking_id = b.id "
        "WHERE s.show_date = ? AND b.status = 'paid' "
        "GROUP BY f.title, s.starts_at, b.channel ORDER BY s.starts_at",
        (day.isoformat(),),
    )
    for row in rows:
        channel = row["channel"] or "web"
        if channel.startswith("kiosk:"):
            row["channel"] = "Kiosk %s" % channel.split(":", 1)[1]
        else:
            row["channel"] = CHANNEL_LABELS.get(channel, channel)
    return rows


def paid_totals(day):
    return db.query_one(
        "SELECT COUNT(*) AS bookings, COALESCE(SUM(total_cents), 0) AS total_cents "
        "FROM bookings WHERE status = 'paid' AND date(paid_at) = ?",
        (day.isoformat(),),
    )


def unpaid_with_payment_ref():
    return db.query(
        "SELECT id, reference, payment_ref, total_cents FROM bookings "
        "WHERE status = 'held' AND payment_ref IS NOT NULL"
    )
