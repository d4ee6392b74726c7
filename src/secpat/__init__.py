"""secpat: a security pattern checker for Python web projects."""

from secpat.findings import Confidence, Finding, Location, Severity

__version__ = "0.1.0"

__all__ = ["Confidence", "Finding", "Location", "Severity", "__version__"]
