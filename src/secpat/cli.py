"""The `secpat` command line: check, baseline, rules, explain.

Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or
configuration error, or a file that could not be analysed (unless `--keep-going`).
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import signal
import sys
from pathlib import Path

import click

from secpat import __version__, safeio
from secpat.baseline import BaselineError, filter_new, load_baseline, update_findings, write_baseline
from secpat.config import Config, ConfigError, load_config
from secpat.engine import ScanOptions, scan
from secpat.findings import Finding, ScanResult, Severity
from secpat.knowledge import TABLES, Declared
from secpat.report import FORMATS, is_terminal_format, render
from secpat.report.escape import printable
from secpat.rules import registry

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

_SEVERITIES = click.Choice(["low", "medium", "high"], case_sensitive=False)


def _fail(message: str) -> None:
    click.echo(f"secpat: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


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


def write_output(path: Path, text: str) -> None:
    """Write a report to `path` whole or not at all, never through a symbolic link."""
    try:
        safeio.atomic_write(path, text)
    except OSError as exc:
        _fail(f"cannot write {_shown(path)}: {exc.strerror or exc}")


def _shown(path: Path) -> str:
    return os.fsdecode(path).encode("unicode_escape", "backslashreplace").decode("ascii")


class _Commands(click.Group):
    """The subcommands; those defined in a module of their own are imported only when asked for."""

    MODULES = {"history": "secpat.cli_history", "routes": "secpat.cli_routes", "probe": "secpat.cli_probe"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.MODULES and cmd_name not in self.commands:
            import importlib

            self.add_command(getattr(importlib.import_module(self.MODULES[cmd_name]), cmd_name))
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="secpat")
def main() -> None:
    """Find the places where a Python web project breaks the ten security patterns."""


def _scan_options(func):
    options = [
        click.argument("paths", nargs=-1, type=click.Path(path_type=Path)),
        click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
                     help="Read settings from this file instead of the nearest pyproject.toml."),
        click.option("--select", multiple=True, metavar="RULES",
                     help="Only these rules (ids, prefixes like RND, names); comma-separated or repeated."),
        click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules."),
        click.option("--min-confidence", type=click.Choice(["low", "medium", "high"], case_sensitive=False),
                     help="Hide findings below this confidence [default: medium]."),
        click.option("--no-cache", is_flag=True, help="Analyse every file afresh and do not write the cache."),
        click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
                     help="Where to keep result files [default: secpat's directory in the user cache, "
                          "never the scanned tree]."),
        click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: CPU count]."),
        click.option("--exclude", multiple=True, metavar="GLOB", help="Also skip paths matching this glob."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
        click.option("--audit", is_flag=True, default=None,
                     help="Also report findings that rest on a name, an API's presence or a template filter "
                          "alone, labelled [audit]."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _load(paths: tuple[Path, ...], config_file: Path | None, overrides: dict) -> tuple[list[Path], Config]:
    targets = list(paths) or [Path(".")]
    for target in targets:
        if not target.exists() and not target.is_symlink():
            _fail(f"{target}: no such file or directory")
    try:
        config = load_config(targets[0], config_file, {k: v for k, v in overrides.items() if v not in (None, ())})
    except ConfigError as exc:
        _fail(str(exc))
    if config.source is None:
        # Without a config file, paths are shown relative to where the user stands, as linters do.
        cwd = Path.cwd().resolve()
        if all(cwd == t.resolve() or cwd in t.resolve().parents for t in targets):
            config = dataclasses.replace(config, root=cwd)
    return targets, config


def _run_scan(targets: list[Path], config: Config, *, no_cache: bool, cache_dir: Path | None, jobs: int | None,
              quiet: bool, label: str = "scanning", cache_name: str | None = None) -> ScanResult:
    bar = progress_bar(label, quiet=quiet)
    progress = None
    if bar is not None:
        task_id = bar.add_task("finding files", total=None)

        def progress(done: int, total: int) -> None:
            # After the last file the project stage runs: say so rather than sit at 100 %.
            bar.update(task_id, completed=done, total=total,
                       description="analysing the project" if done >= total else "reading files")

    try:
        return scan(targets, config, ScanOptions(jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir,
                                                 progress=progress, cache_name=cache_name))
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

    bar = Progress(SpinnerColumn(), TextColumn(label), TextColumn("{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), transient=True, console=_stderr_console(),
                   refresh_per_second=8)
    bar.start()
    return bar


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@_scan_options
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format; concise is one line per finding.")
@click.option("--statistics", is_flag=True, help="Add the number of findings of each rule, most frequent first.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here.")
@click.option("--fail-on", type=_SEVERITIES, help="Exit 1 when a finding has at least this severity [default: low].")
@click.option("--report-level", type=_SEVERITIES, help="Show findings of at least this severity [default: low].")
@click.option("--baseline", "baseline_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Report only findings not in this baseline file.")
@click.option("--diff-base", metavar="REF",
              help="Report only findings not present at this git revision (a branch, tag or commit).")
@click.option("--whole-project", is_flag=True,
              help="Analyse the whole project PATHS belong to, report only findings in PATHS (for pre-commit).")
@click.option("--keep-going", is_flag=True, help="Files that could not be analysed do not make the run exit 2.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless secpat itself fails.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report, also when piped [default: when a terminal].")
@click.option("--show-config", is_flag=True, help="Print the settings in effect, and where each came from, then exit.")
def check(paths, config_file, select, ignore, min_confidence, no_cache, cache_dir, jobs, exclude, quiet, audit, fmt,
          statistics, output, fail_on, report_level, baseline_file, diff_base, whole_project, keep_going, exit_zero,
          color, show_config) -> None:
    """Check PATHS (default: the current directory) against the ten security patterns."""
    overrides = {"select": _split(select), "ignore": _split(ignore), "fail-on": fail_on, "audit": audit,
                 "report-level": report_level, "min-confidence": min_confidence, "extend-exclude": _split(exclude),
                 "baseline": str(baseline_file) if baseline_file else None}
    targets, config = _load(paths, config_file, overrides)
    if show_config:
        click.echo(describe_config(config), nl=False)
        sys.exit(EXIT_CLEAN)
    named: list[Path] = []
    if whole_project:
        named = list(targets)
        targets, config = _whole_project(named, config)
    scan_options = {"no_cache": no_cache, "cache_dir": cache_dir, "jobs": jobs, "quiet": quiet}
    result = _run_scan(targets, config, **scan_options)
    if named:
        _only_in(result, named, config.root)
    if diff_base is not None:
        _without_findings_at(diff_base, result, targets, config, scan_options)
    report_and_exit(result, config, fmt=fmt, output=output, color=color, keep_going=keep_going, exit_zero=exit_zero,
                    statistics=statistics)


def _whole_project(named: list[Path], config: Config) -> tuple[list[Path], Config]:
    """What to scan so that `named` is analysed with its whole project: the directory of the config
    file, or else the git work tree, or else the root; plus each named file the walk would skip for
    being git-ignored (a file being committed is checked whatever .gitignore says)."""
    from secpat.diffbase import DiffBaseError, toplevel
    from secpat.discovery import excluded

    project = config.root
    if config.source is None:
        try:
            project = toplevel(named[0])
        except DiffBaseError:
            pass  # not in git: the root found from the paths
        config = dataclasses.replace(config, root=project)
    files = [path for path in named if path.is_file() and not excluded(_rel_to(path, project), config.exclude)]
    return [project, *files], config


def _rel_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _only_in(result: ScanResult, named: list[Path], root: Path) -> None:
    """Keep the findings and notices in the `named` files and directories; the other findings are
    counted as hidden, so the checklist does not say a pattern passed."""
    wanted = [_rel_to(path, root) for path in named]

    def inside(rel: str) -> bool:
        return any(rel == want or want == "." or rel.startswith(want + "/") for want in wanted)

    _keep(result, [f for f in result.findings if inside(f.location.path)], "whole-project")
    result.notices = [n for n in result.notices if n.path == "." or inside(n.path)]


def _without_findings_at(ref: str, result: ScanResult, targets: list[Path], config: Config, scan_options: dict) -> None:
    """Drop the findings present at git revision `ref` (matched by fingerprint, as a baseline is)."""
    from secpat.baseline import Baseline
    from secpat.diffbase import DiffBaseError, scan_at

    def scan_base(paths: list[Path], base_config: Config) -> ScanResult:
        return _run_scan(paths, base_config, **scan_options, label="scanning the --diff-base revision",
                         cache_name=f"{config.root.resolve()}@diff-base")

    try:
        revision, base = scan_at(ref, targets, config, scan_base)
    except DiffBaseError as exc:
        _fail(f"--diff-base: {exc}")
    new, present = filter_new(result.findings, Baseline.of(base.findings))
    _keep(result, new, "diff-base")
    click.echo(f"secpat: {present} finding(s) already present at {printable(revision.shown)} not reported", err=True)


def _keep(result: ScanResult, kept: list[Finding], reason: str) -> None:
    """Report only `kept` of the findings; the others count as hidden for `reason`, so the checklist
    does not say their patterns passed."""
    shown = {id(f) for f in kept}
    result.hidden = tuple(sorted([*result.hidden, *((f.rule_id, reason) for f in result.findings
                                                    if id(f) not in shown)]))
    result.findings = kept


def describe_config(config: Config) -> str:
    """The settings in effect, as TOML lines, each followed by where its value came from."""
    from secpat.config import KEYS

    origins = dict(config.origins)
    lines = [f"# config file: {_relative(config.source) if config.source else 'none found (defaults)'}",
             f"# root: {_relative(config.root)}"]
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


def report_and_exit(result: ScanResult, config: Config, *, fmt: str, output: Path | None, color: bool | None,
                    keep_going: bool, exit_zero: bool, statistics: bool = False) -> None:
    """The end every command shares: the baseline, the report (stdout or --output), the exit code."""
    if config.baseline is not None:
        try:
            baseline = load_baseline(config.baseline)
        except BaselineError as exc:
            _fail(str(exc))
        kept, result.baselined = filter_new(result.findings, baseline)
        # The checklist must not call a box passed when its findings were only accepted by the baseline.
        kept_ids = {id(f) for f in kept}
        result.hidden = tuple(sorted([*result.hidden, *((f.rule_id, "baseline") for f in result.findings
                                                       if id(f) not in kept_ids)]))
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
        click.echo(f"secpat: {len(blocking)} file(s) could not be analysed ({printable(first.path)}: "
                   f"{printable(first.kind.value)}); the report lists them; --keep-going keeps the exit status "
                   "for findings only", err=True)
    sys.exit(code)


def exit_code(result: ScanResult, fail_on: Severity, *, keep_going: bool, exit_zero: bool = False) -> int:
    if any(n.blocking for n in result.notices) and not keep_going:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(f.severity >= fail_on for f in result.findings) else EXIT_CLEAN


@main.command()
@_scan_options
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), default=Path(".secpat-baseline.json"),
              show_default=True, help="The baseline file to write.")
@click.option("--update", is_flag=True,
              help="Rewrite the existing baseline: drop the findings that were fixed, keep the order of the rest, "
                   "add nothing new.")
def baseline(paths, config_file, select, ignore, min_confidence, no_cache, cache_dir, jobs, exclude, quiet, audit,
             output, update) -> None:
    """Accept every current finding: write them to a baseline file for `check --baseline`."""
    overrides = {"select": _split(select), "ignore": _split(ignore), "min-confidence": min_confidence, "audit": audit,
                 "extend-exclude": _split(exclude), "report-level": "low"}
    targets, config = _load(paths, config_file, overrides)
    previous = None
    if update:
        try:
            previous = load_baseline(output)
        except BaselineError as exc:
            _fail(str(exc))
    result = _run_scan(targets, config, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs, quiet=quiet)
    findings = result.findings if previous is None else update_findings(result.findings, previous)
    try:
        count = write_baseline(findings, output, keep_order_of=previous)
    except BaselineError as exc:
        _fail(str(exc))
    blocking = [n for n in result.notices if n.blocking]
    if previous is None:
        click.echo(f"secpat: wrote {count} finding(s) to {output}", err=True)
    else:
        new = len(result.findings) - count
        click.echo(f"secpat: updated {output}: {count} finding(s) kept, {len(previous) - count} fixed and dropped"
                   + (f"; {new} new finding(s) not added (`secpat baseline` without --update accepts them)"
                      if new else ""), err=True)
    for notice in blocking:
        click.echo(f"secpat: warning: {printable(notice.path)}: {printable(notice.message)} (not in the baseline)",
                   err=True)
    sys.exit(EXIT_CLEAN)


@main.command("rules")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table",
              show_default=True)
def rules_command(fmt: str) -> None:
    """List every rule with its pattern, severity and confidence."""
    rules = registry.all_rules()
    if fmt == "json":
        click.echo(json.dumps([_rule_dict(r) for r in rules], indent=2))
        return
    if fmt == "markdown":
        from secpat.report import rules_doc

        click.echo(rules_doc.render(rules), nl=False)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("id", "name", "pattern", "severity", "confidence", "CWE", "title"):
        table.add_column(column)
    for r in rules:
        table.add_row(r.id, r.name, str(r.pattern or "-"), r.severity.value, r.confidence.value,
                      f"CWE-{r.cwe}", r.title)
    # The terminal's width (or $COLUMNS); 120 columns in a pipe or file, where no width is known.
    known = sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit()
    Console(width=None if known else 120).print(table)


def _rule_dict(rule: registry.Rule) -> dict:
    return {"id": rule.id, "name": rule.name, "pattern": rule.pattern, "title": rule.title,
            "severity": rule.severity.value, "confidence": rule.confidence.value, "owasp": rule.owasp,
            "cwe": rule.cwe, "kind": rule.kind, "why": rule.why, "bad": rule.bad, "good": rule.good, "fix": rule.fix,
            "references": list(rule.references)}


@main.command()
@click.argument("rule_key")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain(rule_key: str, fmt: str) -> None:
    """Explain one rule: RULE_KEY is an id (RND001) or a name (insecure-random-for-secret)."""
    rule = registry.get(rule_key)
    if rule is None:
        import difflib

        known = [r.id for r in registry.all_rules()] + [r.name for r in registry.all_rules()]
        close = difflib.get_close_matches(rule_key, known, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `secpat rules`)"
        _fail(f"unknown rule {rule_key!r}{hint}")
    if fmt == "json":
        click.echo(json.dumps(_rule_dict(rule), indent=2))
        return
    lines = [
        f"{rule.id} {rule.name}: {rule.title}",
        f"pattern {rule.pattern}, severity {rule.severity.value}, confidence {rule.confidence.value}, "
        f"CWE-{rule.cwe}, {rule.owasp}",
        "",
        "Why",
        _indent(rule.why),
        "",
        "Bad",
        _indent(rule.bad),
        "",
        "Good",
        _indent(rule.good),
        "",
        "Fix",
        _indent(rule.fix),
    ]
    if rule.references:
        lines += ["", "References", *(f"  {ref}" for ref in rule.references)]
    click.echo("\n".join(lines))


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())


