"""Shiftboard: volunteer shift scheduling backend."""

__version__ = "1.8.2"
