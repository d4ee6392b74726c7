"""Ticketeer: event ticketing on FastAPI + HTMX."""

__version__ = "0.9.3"
