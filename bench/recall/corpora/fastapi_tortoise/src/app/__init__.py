"""Lingua Campus: courses, live classes and the teacher dashboard."""

__version__ = "0.9.3"
