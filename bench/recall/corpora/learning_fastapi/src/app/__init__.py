"""LearnHub multi-tenant learning platform API."""

__version__ = "0.9.3"
