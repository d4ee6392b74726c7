import pytest

from kiosk import ratelimit
from kiosk.services import bookings, showings


def test_hold_and_cancel(film_and_showing):
    _, showing_id = film_and_showing
    booking = bookings.hold_seats(showing_id, ["a1", "A2"], "Holly Martins", "holly@example.com")
    assert booking.seats == ["A1", "A2"]
    assert booking.total_cents == 1900
    assert showings.taken_seats(showing_id) == {"A1", "A2"}
    bookings.cancel(booking.reference)
    assert showings.taken_seats(showing_id) == set()


def test_double_booking_refused(film_and_showing):
    _, showing_id = film_and_showing
    bookings.hold_seats(showing_id, ["B3"], "Anna", "anna@example.com")
    with pytest.raises(bookings.BookingError):
        bookings.hold_seats(showing_id, ["B3", "B4"], "Harry", "harry@example.com")


def test_bad_seat(film_and_showing):
    _, showing_id = film_and_showing
    with pytest.raises(bookings.BookingError):
        bookings.hold_seats(showing_id, ["ZZ99"], "Anna", "anna@example.com")


def test_sorted_listing(film_and_showing):
    import datetime as dt

    rows = showings.list_showings(dt.date(2099, 1, 1), "s.starts_at DESC")
    assert [s.film_title for s in rows] == ["The Third Man"]


def test_rate_limit_window():
    ratelimit.reset()
    results = [ratelimit.hit("t", "1.2.3.4", 3, 60)[0] for _ in range(4)]
    assert results == [True, True, True, False]
