"""Allow `python -m secpat`."""

from secpat.cli import main

main()
