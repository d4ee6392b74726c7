"""Operations toolkit for the shop: admin endpoint, CLI helpers, reports."""

__version__ = "0.9.3"
