"""Gather: community event planning."""

__version__ = "1.4.2"
