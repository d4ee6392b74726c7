"""What the commands share: the scan options, loading the settings, running a scan with a progress
display, and the one finishing step (baseline, report, exit code)."""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from secpat import safeio
from secpat.baseline import BaselineError, filter_new, load_baseline
from secpat.config import Config, ConfigError, load_config
from secpat.engine import ScanOptions, scan
from secpat.findings import ScanResult, Severity
from secpat.knowledge import TABLES, Declared
from secpat.report import is_terminal_format, render
from secpat.report.escape import printable
from secpat.rules import registry

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

SEVERITIES = click.Choice(["low", "medium", "high"], case_sensitive=False)


def fail(message: str) -> NoReturn:
    click.echo(f"secpat: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def write_output(path: Path, text: str) -> None:
    """Write a report to `path` whole or not at all, never through a symbolic link."""
    try:
        safeio.atomic_write(path, text)
    except OSError as exc:
        fail(f"cannot write {_shown(path)}: {exc.strerror or exc}")


def _shown(path: Path) -> str:
    return os.fsdecode(path).encode("unicode_escape", "backslashreplace").decode("ascii")


def scan_options(func):
    options = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option(
            "--config",
            "config_file",
            type=click.Path(path_type=Path, dir_okay=False),
            help="Read settings from this file instead of the nearest pyproject.toml.",
        ),
        click.option(
            "--select",
            multiple=True,
            metavar="RULES",
            help="Only these rules (ids, prefixes like RND, names); comma-separated or repeated.",
        ),
        click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules."),
        click.option(
            "--min-confidence",
            type=click.Choice(["low", "medium", "high"], case_sensitive=False),
            help="Hide findings below this confidence [default: medium].",
        ),
        click.option("--no-cache", is_flag=True, help="Analyse every file afresh and do not write the cache."),
        click.option(
            "--cache-dir",
            type=click.Path(path_type=Path, file_okay=False),
            help="Where to keep result files [default: secpat's directory in the user cache, never the scanned tree].",
        ),
        click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: CPU count]."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Also skip paths matching this glob."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
        click.option(
            "--audit",
            is_flag=True,
            default=None,
            help="Also report findings that rest on a name, an API's presence or a template filter "
            "alone, labelled [audit].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def load(paths: tuple[Path, ...], config_file: Path | None, overrides: dict) -> tuple[list[Path], Config]:
    targets = list(paths) or [Path(".")]
    for target in targets:
        if not target.exists() and not target.is_symlink():
            fail(f"{target}: no such file or directory")
    try:
        config = load_config(targets[0], config_file, {k: v for k, v in overrides.items() if v not in (None, ())})
    except ConfigError as exc:
        fail(str(exc))
    if config.source is None:
        # Without a config file, paths are shown relative to where the user stands, as linters do.
        cwd = Path.cwd().resolve()
        if all(cwd == t.resolve() or cwd in t.resolve().parents for t in targets):
            config = dataclasses.replace(config, root=cwd)
    return targets, config


def run_scan(
    targets: list[Path],
    config: Config,
    *,
    no_cache: bool,
    cache_dir: Path | None,
    jobs: int | None,
    quiet: bool,
    label: str = "scanning",
    cache_name: str | None = None,
) -> ScanResult:
    bar = progress_bar(label, quiet=quiet)
    progress = None
    if bar is not None:
        task_id = bar.add_task("finding files", total=None)

        def progress(done: int, total: int) -> None:
            # After the last file the project stage runs: say so rather than sit at 100 %.
            bar.update(
                task_id,
                completed=done,
                total=total,
                description="analysing the project" if done >= total else "reading files",
            )

    try:
        return scan(
            targets,
            config,
            ScanOptions(
                jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir, progress=progress, cache_name=cache_name
            ),
        )
    finally:
        if bar is not None:
            bar.stop()


def progress_bar(label: str, *, quiet: bool):
    """A started progress bar on stderr when it is a terminal (None otherwise or with --quiet).

    It is drawn at once and refreshed from its own thread, so a long run shows a sign of life
    from its first second; it is removed when stopped, leaving only the report.
    """
    if quiet or not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn(label),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=_stderr_console(),
        refresh_per_second=8,
    )
    bar.start()
    return bar


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def describe_config(config: Config) -> str:
    """The settings in effect, as TOML lines, each followed by where its value came from."""
    from secpat.config import KEYS

    origins = dict(config.origins)
    lines = [
        f"# config file: {_relative(config.source) if config.source else 'none found (defaults)'}",
        f"# root: {_relative(config.root)}",
    ]
    rows = []
    for key in KEYS:
        name = key.replace("-", "_")
        if key.startswith("extend-") or not hasattr(config, name):
            continue  # `extend-` keys fold into the key they extend
        value = getattr(config, name)
        origin = origins.get(name, "default")
        shown = "{}" if key in (*TABLES, "per-path-ignores") and not value else _toml_value(value)
        rows.append((f"{key} = {shown}", origin if value is not None else f"{origin} (not set)"))
    width = min(max(len(row) for row, _ in rows), 40)
    lines += [f"{row:<{width}}  # {origin}" for row, origin in rows]
    return "\n".join(lines) + "\n"


def _relative(path: Path) -> str:
    """A path relative to the working directory when inside it, as the user would type it."""
    try:
        return _shown(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return _shown(path)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return json.dumps(value.value)
    if isinstance(value, Path):
        return json.dumps(os.fsdecode(value))
    if value is None:
        return '""'
    if isinstance(value, tuple) and value and isinstance(value[0], Declared):  # sources, sinks, sanitizers
        return "{ " + ", ".join(f"{json.dumps(d.name)} = {_declared_toml(d)}" for d in value) + " }"
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):  # per-path-ignores
        return "{ " + ", ".join(f"{json.dumps(glob)} = {json.dumps(list(sel))}" for glob, sel in value) + " }"
    if isinstance(value, tuple):
        return json.dumps(list(value))
    return json.dumps(value)


def _declared_toml(declared: Declared) -> str:
    if declared.argument == 0:
        return json.dumps(declared.kind)
    return f"{{ kind = {json.dumps(declared.kind)}, argument = {json.dumps(declared.argument)} }}"


def report_and_exit(
    result: ScanResult,
    config: Config,
    *,
    fmt: str,
    output: Path | None,
    color: bool | None,
    keep_going: bool,
    exit_zero: bool,
    statistics: bool = False,
) -> None:
    """The end every command shares: the baseline, the report (stdout or --output), the exit code."""
    if config.baseline is not None:
        try:
            baseline = load_baseline(config.baseline)
        except BaselineError as exc:
            fail(str(exc))
        kept, result.baselined = filter_new(result.findings, baseline)
        # The checklist must not call a box passed when its findings were only accepted by the baseline.
        kept_ids = {id(f) for f in kept}
        result.hidden = tuple(
            sorted([*result.hidden, *((f.rule_id, "baseline") for f in result.findings if id(f) not in kept_ids)])
        )
        result.findings = kept
    if color is None:
        color = output is None and is_terminal_format(fmt) and sys.stdout.isatty()
    rules = result.rules if result.rules is not None else {r.id: r for r in registry.all_rules()}
    report = render(fmt, result, rules, color=color, fail_on=config.fail_on, statistics=statistics)
    if output is not None:
        write_output(output, report)
    else:
        # `color` passed on: click would otherwise strip the colours whenever stdout is not a terminal.
        click.echo(report, nl=not report.endswith("\n"), color=color)
    code = exit_code(result, config.fail_on, keep_going=keep_going, exit_zero=exit_zero)
    if code == EXIT_ERROR and (output is not None or not is_terminal_format(fmt)):
        # The report says which files could not be analysed; say why the exit status is 2 where people look.
        blocking = [n for n in result.notices if n.blocking]
        first = blocking[0]
        click.echo(
            f"secpat: {len(blocking)} file(s) could not be analysed ({printable(first.path)}: "
            f"{printable(first.kind.value)}); the report lists them; --keep-going keeps the exit status "
            "for findings only",
            err=True,
        )
    sys.exit(code)


def exit_code(result: ScanResult, fail_on: Severity, *, keep_going: bool, exit_zero: bool = False) -> int:
    if any(n.blocking for n in result.notices) and not keep_going:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(f.severity >= fail_on for f in result.findings) else EXIT_CLEAN
