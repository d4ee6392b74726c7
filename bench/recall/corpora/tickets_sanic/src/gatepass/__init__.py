"""Gatepass: event ticketing, check-in and payments."""

__version__ = "1.8.2"
