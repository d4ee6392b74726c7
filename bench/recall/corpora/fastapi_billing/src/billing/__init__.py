"""Ledgerly billing service: invoices, customers and payment webhooks."""

__version__ = "0.7.3"
