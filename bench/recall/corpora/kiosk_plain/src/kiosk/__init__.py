"""Ticket kiosk backend for the Palace Picturehouse."""

__version__ = "1.4.2"
