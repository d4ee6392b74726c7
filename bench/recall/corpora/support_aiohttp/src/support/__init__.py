"""Helpdesk: team chat and support tickets on aiohttp."""

__version__ = "0.9.3"
