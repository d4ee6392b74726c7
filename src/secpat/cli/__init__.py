"""The `secpat` command line: check, baseline, history, routes, probe, rules, explain.

One module per command (or pair of commands), imported only when that command runs; what they
share is in `common`.

Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or
configuration error, or a file that could not be analysed (unless `--keep-going`).
"""

from __future__ import annotations

import importlib
import os
import signal
import sys

import click

from secpat import __version__
from secpat.cli.common import EXIT_ERROR


def run() -> None:
    """The console entry point: `main`, with an internal error reported in one line and exit 2
    (exit 1 means findings), and SIGTERM turned into a normal exit so temporary files are removed."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    try:
        main(prog_name="secpat")
    except Exception as exc:  # anything click did not handle is a bug in secpat, not a finding
        if os.environ.get("SECPAT_DEBUG"):
            raise
        click.echo(f"secpat: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("secpat: hint: run again with SECPAT_DEBUG=1 for the traceback, and please report it", err=True)
        sys.exit(EXIT_ERROR)


def _terminate(signum: int, frame: object) -> None:
    sys.exit(128 + signum)


class _Commands(click.Group):
    """The subcommands, each imported from its module only when asked for: `secpat check` never loads
    the probe's HTTP client, nor `secpat probe` the rules."""

    #: command name -> (module, function)
    MODULES = {
        "check": ("secpat.cli.check", "check"),
        "baseline": ("secpat.cli.check", "baseline"),
        "history": ("secpat.cli.history", "history"),
        "routes": ("secpat.cli.routes", "routes"),
        "probe": ("secpat.cli.probe", "probe"),
        "rules": ("secpat.cli.rules", "rules_command"),
        "explain": ("secpat.cli.rules", "explain"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.MODULES and cmd_name not in self.commands:
            module, function = self.MODULES[cmd_name]
            self.add_command(getattr(importlib.import_module(module), function), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="secpat")
def main() -> None:
    """Find the places where a Python web project breaks the ten security patterns."""
