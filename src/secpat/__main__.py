"""Allow `python -m secpat`."""

from secpat.cli import run

run()
