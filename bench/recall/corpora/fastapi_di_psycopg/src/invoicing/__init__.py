"""B2B invoicing API and customer portal."""

__version__ = "0.9.3"
