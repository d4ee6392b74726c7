"""`secpat routes`: the route table secpat believes a project has, with rate limits and CSRF status.

It runs through the engine as `secpat check` does, up to the facts its per-file stage
hands the project stage, and builds the same model from them: what it shows is what the
CSRF and RATE rules judge, and a project already checked is answered from the cache.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from secpat.cli.common import load
from secpat.config import Config
from secpat.engine import ScanOptions, project_facts
from secpat.frameworks.routes import Model, build, render_text, to_json
from secpat.report.escape import encodable_data


def collect(paths: list[Path], config: Config, options: ScanOptions | None = None) -> Model:
    """The application model of the project in `paths`, built from the facts `secpat check`'s per-file
    stage hands its project stage (from the same cache)."""
    # Every rule's facts, whatever the project selects: the table shows routes whichever rules run.
    config = dataclasses.replace(config, select=("ALL",), ignore=())
    files, facts = project_facts(paths, config, options or ScanOptions(use_cache=False))
    return build(lambda kind: facts.get(kind, []), files)


@click.command("routes")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of the nearest pyproject.toml.",
)
@click.option("--no-cache", is_flag=True, help="Analyse every file afresh and do not write the cache.")
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where to keep result files [default: secpat's directory in the user cache].",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: CPU count].")
def routes(
    paths: tuple[Path, ...],
    fmt: str,
    config_file: Path | None,
    no_cache: bool,
    cache_dir: Path | None,
    jobs: int | None,
) -> None:
    """Show the routes of the app in PATHS: method, path, view, kind, rate limit and CSRF status."""
    targets, config = load(paths, config_file, {})
    model = collect(targets, config, ScanOptions(jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir))
    if fmt == "json":
        click.echo(json.dumps(encodable_data(to_json(model)), indent=2))
    else:
        click.echo(render_text(model), nl=False)
