"""secpat: a security pattern checker for Python web projects.

The public surface: `scan` (what `secpat check` runs), `run_probe` (what
`secpat probe` runs), and the values they return. Errors a caller may catch:
`secpat.config.ConfigError` (a broken `[tool.secpat]`), `secpat.baseline.BaselineError`
(a broken baseline file), `secpat.parsing.ParseError` (a file that cannot be parsed;
`scan` turns it into a notice, never raises it).
"""

from secpat.findings import Confidence, Finding, Location, Notice, ScanResult, Severity

__version__ = "0.1.0"

__all__ = [
    "Confidence",
    "Finding",
    "Location",
    "Notice",
    "Rule",
    "ScanResult",
    "Severity",
    "__version__",
    "run_probe",
    "scan",
]


def __getattr__(name: str):
    # Loaded on first use, so `import secpat` stays cheap and free of import cycles.
    if name == "scan":
        from secpat.engine import scan

        return scan
    if name == "run_probe":
        from secpat.probe import run_probe

        return run_probe
    if name == "Rule":
        from secpat.rules.registry import Rule

        return Rule
    raise AttributeError(f"module 'secpat' has no attribute {name!r}")
