"""StudioBook: bookings, galleries and invoices for photography studios."""

__version__ = "0.9.3"
