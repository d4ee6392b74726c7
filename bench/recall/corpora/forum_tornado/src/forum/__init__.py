"""Community forum built on Tornado."""

__version__ = "1.7.2"
