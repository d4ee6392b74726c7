"""`secpat check` and `secpat baseline`."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click

from secpat.baseline import BaselineError, filter_new, load_baseline, update_findings, write_baseline
from secpat.cli.common import (
    EXIT_CLEAN,
    SEVERITIES,
    describe_config,
    fail,
    load,
    report_and_exit,
    run_scan,
    scan_options,
    split,
)
from secpat.config import Config
from secpat.findings import Finding, ScanResult
from secpat.report import FORMATS
from secpat.report.escape import printable


@click.command()
@scan_options
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format; concise is one line per finding.",
)
@click.option("--statistics", is_flag=True, help="Add the number of findings of each rule, most frequent first.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here.")
@click.option("--fail-on", type=SEVERITIES, help="Exit 1 when a finding has at least this severity [default: low].")
@click.option("--report-level", type=SEVERITIES, help="Show findings of at least this severity [default: low].")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings not in this baseline file.",
)
@click.option(
    "--diff-base",
    metavar="REF",
    help="Report only findings not present at this git revision (a branch, tag or commit).",
)
@click.option(
    "--whole-project",
    is_flag=True,
    help="Analyse the whole project PATHS belong to, report only findings in PATHS (for pre-commit).",
)
@click.option("--keep-going", is_flag=True, help="Files that could not be analysed do not make the run exit 2.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless secpat itself fails.")
@click.option(
    "--color/--no-color", default=None, help="Colour the text report, also when piped [default: when a terminal]."
)
@click.option("--show-config", is_flag=True, help="Print the settings in effect, and where each came from, then exit.")
def check(
    paths,
    config_file,
    select,
    ignore,
    min_confidence,
    no_cache,
    cache_dir,
    jobs,
    exclude,
    quiet,
    audit,
    fmt,
    statistics,
    output,
    fail_on,
    report_level,
    baseline_file,
    diff_base,
    whole_project,
    keep_going,
    exit_zero,
    color,
    show_config,
) -> None:
    """Check PATHS (default: the current directory) against the ten security patterns."""
    overrides = {
        "select": split(select),
        "ignore": split(ignore),
        "fail-on": fail_on,
        "audit": audit,
        "report-level": report_level,
        "min-confidence": min_confidence,
        "extend-exclude": split(exclude),
        "baseline": str(baseline_file) if baseline_file else None,
    }
    targets, config = load(paths, config_file, overrides)
    if show_config:
        click.echo(describe_config(config), nl=False)
        sys.exit(EXIT_CLEAN)
    named: list[Path] = []
    if whole_project:
        named = list(targets)
        targets, config = _whole_project(named, config)
    settings = {"no_cache": no_cache, "cache_dir": cache_dir, "jobs": jobs, "quiet": quiet}
    result = run_scan(targets, config, **settings)
    if named:
        _only_in(result, named, config.root)
    if diff_base is not None:
        _without_findings_at(diff_base, result, targets, config, settings)
    report_and_exit(
        result,
        config,
        fmt=fmt,
        output=output,
        color=color,
        keep_going=keep_going,
        exit_zero=exit_zero,
        statistics=statistics,
    )


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


def _without_findings_at(ref: str, result: ScanResult, targets: list[Path], config: Config, settings: dict) -> None:
    """Drop the findings present at git revision `ref` (matched by fingerprint, as a baseline is)."""
    from secpat.baseline import Baseline
    from secpat.diffbase import DiffBaseError, scan_at

    def scan_base(paths: list[Path], base_config: Config) -> ScanResult:
        return run_scan(
            paths,
            base_config,
            **settings,
            label="scanning the --diff-base revision",
            cache_name=f"{config.root.resolve()}@diff-base",
        )

    try:
        revision, base = scan_at(ref, targets, config, scan_base)
    except DiffBaseError as exc:
        fail(f"--diff-base: {exc}")
    new, present = filter_new(result.findings, Baseline.of(base.findings))
    _keep(result, new, "diff-base")
    click.echo(f"secpat: {present} finding(s) already present at {printable(revision.shown)} not reported", err=True)


def _keep(result: ScanResult, kept: list[Finding], reason: str) -> None:
    """Report only `kept` of the findings; the others count as hidden for `reason`, so the checklist
    does not say their patterns passed."""
    shown = {id(f) for f in kept}
    result.hidden = tuple(
        sorted([*result.hidden, *((f.rule_id, reason) for f in result.findings if id(f) not in shown)])
    )
    result.findings = kept


@click.command()
@scan_options
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path(".secpat-baseline.json"),
    show_default=True,
    help="The baseline file to write.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Rewrite the existing baseline: drop the findings that were fixed, keep the order of the rest, "
    "add nothing new.",
)
def baseline(
    paths, config_file, select, ignore, min_confidence, no_cache, cache_dir, jobs, exclude, quiet, audit, output, update
) -> None:
    """Accept every current finding: write them to a baseline file for `check --baseline`."""
    overrides = {
        "select": split(select),
        "ignore": split(ignore),
        "min-confidence": min_confidence,
        "audit": audit,
        "extend-exclude": split(exclude),
        "report-level": "low",
    }
    targets, config = load(paths, config_file, overrides)
    previous = None
    if update:
        try:
            previous = load_baseline(output)
        except BaselineError as exc:
            fail(str(exc))
    result = run_scan(targets, config, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs, quiet=quiet)
    findings = result.findings if previous is None else update_findings(result.findings, previous)
    try:
        count = write_baseline(findings, output, keep_order_of=previous)
    except BaselineError as exc:
        fail(str(exc))
    blocking = [n for n in result.notices if n.blocking]
    if previous is None:
        click.echo(f"secpat: wrote {count} finding(s) to {output}", err=True)
    else:
        new = len(result.findings) - count
        click.echo(
            f"secpat: updated {output}: {count} finding(s) kept, {len(previous) - count} fixed and dropped"
            + (f"; {new} new finding(s) not added (`secpat baseline` without --update accepts them)" if new else ""),
            err=True,
        )
    for notice in blocking:
        click.echo(
            f"secpat: warning: {printable(notice.path)}: {printable(notice.message)} (not in the baseline)", err=True
        )
    sys.exit(EXIT_CLEAN)
