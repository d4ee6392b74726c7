"""Invoicely - invoicing for small businesses."""

__version__ = "1.8.2"
