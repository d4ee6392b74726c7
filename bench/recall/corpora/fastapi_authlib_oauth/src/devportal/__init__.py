"""Example developer portal."""

__version__ = "0.9.3"
