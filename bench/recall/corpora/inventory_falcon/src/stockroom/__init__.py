"""Stockroom: inventory and warehouse API with a small server-rendered admin."""

__version__ = "1.8.2"
