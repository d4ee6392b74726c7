"""Inkhouse Print Studio web shop."""

__version__ = "1.8.2"
