"""Inkwell – collaborative notes."""

__version__ = "0.9.3"
