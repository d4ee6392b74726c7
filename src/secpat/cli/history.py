"""`secpat history [REPO]`: secrets in every commit of a git repository (SECRET004).

Same report formats, baseline and exit codes as `secpat check`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from secpat.baseline import BaselineError, write_baseline
from secpat.cli.common import EXIT_CLEAN, SEVERITIES, fail, progress_bar, report_and_exit
from secpat.config import ConfigError, load_config
from secpat.findings import NoticeKind, ScanResult
from secpat.history import HistoryError, HistoryOptions, scan_history
from secpat.report import FORMATS, is_terminal_format


@click.command()
@click.argument("repo", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--since",
    metavar="DATE",
    help="Only commits since DATE (anything `git log --since` accepts: 2024-01-01, '6 months ago').",
)
@click.option(
    "--branch",
    "branches",
    multiple=True,
    metavar="REF",
    help="Only history reachable from this branch or ref (repeatable) [default: every ref and stash].",
)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format."
)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings not in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Accept every current finding: write them to this baseline file and exit 0.",
)
@click.option("--fail-on", type=SEVERITIES, help="Exit 1 when a finding has at least this severity [default: low].")
@click.option(
    "--min-confidence",
    type=click.Choice(["low", "medium", "high"], case_sensitive=False),
    help="Hide findings below this confidence [default: medium].",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of the nearest pyproject.toml.",
)
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless secpat itself fails.")
@click.option(
    "--color/--no-color", default=None, help="Colour the text report, also when piped [default: when a terminal]."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
def history(
    repo: Path,
    since: str | None,
    branches: tuple[str, ...],
    fmt: str,
    output: Path | None,
    baseline_file: Path | None,
    write_baseline_file: Path | None,
    fail_on: str | None,
    min_confidence: str | None,
    config_file: Path | None,
    exit_zero: bool,
    color: bool | None,
    quiet: bool,
) -> None:
    """Find secrets in the git history of REPO (default: the current directory), even deleted ones.

    Every blob reachable from any ref or stash is read once, straight from git (nothing is
    checked out). Each secret is reported once, at the commit and path that introduced it,
    with whether it is still present at HEAD. Secrets are shown masked.
    """
    overrides = {
        "fail-on": fail_on,
        "min-confidence": min_confidence,
        "baseline": str(baseline_file) if baseline_file else None,
    }
    try:
        config = load_config(repo, config_file, {k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        fail(str(exc))
    # Drawn before git is asked anything: listing a long history's blobs takes a while of its own.
    bar = progress_bar("reading git history", quiet=quiet)
    progress = None
    if bar is not None:
        task_id = bar.add_task("listing commits", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task_id, completed=done, total=total, description="scanning blobs")

    try:
        result = scan_history(repo, config, HistoryOptions(since=since, branches=branches), progress=progress)
    except HistoryError as exc:
        fail(str(exc))
    finally:
        if bar is not None:
            bar.stop()
    on_screen = write_baseline_file is None and output is None and is_terminal_format(fmt) and sys.stdout.isatty()
    _warn_about_gaps(result, on_screen=on_screen)
    if write_baseline_file is not None:
        try:
            count = write_baseline(result.findings, write_baseline_file)
        except BaselineError as exc:
            fail(str(exc))
        click.echo(f"secpat: wrote {count} finding(s) to {write_baseline_file}", err=True)
        sys.exit(EXIT_CLEAN)
    report_and_exit(result, config, fmt=fmt, output=output, color=color, keep_going=True, exit_zero=exit_zero)


_SKIPPED_BLOBS = (NoticeKind.BINARY, NoticeKind.VENDORED, NoticeKind.TOO_LARGE)


def _warn_about_gaps(result: ScanResult, *, on_screen: bool) -> None:
    """Say on stderr that part of the history was not scanned, and which blobs were skipped on
    purpose, unless the text report (which lists them) is on screen."""
    if on_screen:
        return
    for notice in result.notices:
        if notice.kind in (NoticeKind.INCOMPLETE_HISTORY, NoticeKind.UNREADABLE):
            click.echo(f"secpat: warning: {notice.path}: {notice.message}", err=True)
        elif notice.kind in _SKIPPED_BLOBS and notice.path == ".":
            click.echo(f"secpat: note: {notice.message}", err=True)
