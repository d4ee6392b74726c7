"""LabTrack: sample tracking API and staff console."""

__version__ = "2.4.1"
