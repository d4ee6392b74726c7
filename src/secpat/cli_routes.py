"""`secpat routes`: the route table secpat believes a project has, with rate limits and CSRF status.

It runs the same per-file fact extraction as `secpat check` (without the rules)
and the same project-stage model, so what it shows is what the CSRF and RATE
rules judge.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from secpat.config import ConfigError, load_config
from secpat.discovery import discover
from secpat.frameworks import FORM, extract, template_forms
from secpat.frameworks.routes import Model, build, render_text, to_json
from secpat.model.module import Module
from secpat.parsing import ParseError, decode_source, parse_python
from secpat.report.escape import encodable_data


def collect(paths: list[Path], root: Path, excludes: tuple[str, ...] = (), respect_gitignore: bool = True) -> Model:
    """Read every Python file and template under `paths` and build the application model."""
    files, _ = discover(paths, root, excludes=excludes, respect_gitignore=respect_gitignore)
    roots = frozenset(f.module_name.split(".", 1)[0] for f in files if f.kind == "python" and f.module_name)
    facts: dict[str, list[tuple[str, object]]] = {}
    for source in files:
        if source.kind not in ("python", "template"):
            continue
        try:
            data = Path(source.path).read_bytes()
        except OSError:
            continue
        if source.kind == "template":
            found = [(FORM, f) for f in template_forms(data.decode("utf-8", errors="replace"), source.rel)]
        else:
            found = _python_facts(source, data, roots)
        for kind, fact in found:
            facts.setdefault(kind, []).append((source.rel, fact))
    return build(lambda kind: facts.get(kind, []), files)


def _python_facts(source, data: bytes, roots: frozenset[str]) -> list[tuple[str, object]]:
    try:
        text = decode_source(data)
        parsed = parse_python(text.text, source.rel)
    except ParseError:
        return []
    module = Module(parsed.tree, path=source.rel, module_name=source.module_name, source=text.text,
                    is_package=source.is_package, project_roots=roots)
    try:
        return extract(module)
    except RecursionError:
        return []


@click.command("routes")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Read settings from this file instead of the nearest pyproject.toml.")
def routes(paths: tuple[Path, ...], fmt: str, config_file: Path | None) -> None:
    """Show the routes of the app in PATHS: method, path, view, kind, rate limit and CSRF status."""
    targets = list(paths) or [Path(".")]
    for target in targets:
        if not target.exists():
            click.echo(f"secpat: error: {target}: no such file or directory", err=True)
            sys.exit(2)
    try:
        config = load_config(targets[0], config_file)
    except ConfigError as exc:
        click.echo(f"secpat: error: {exc}", err=True)
        sys.exit(2)
    root = config.root
    if config.source is None:
        cwd = Path.cwd().resolve()
        if all(cwd == t.resolve() or cwd in t.resolve().parents for t in targets):
            root = cwd
    model = collect(targets, root, config.exclude, config.respect_gitignore)
    if fmt == "json":
        click.echo(json.dumps(encodable_data(to_json(model)), indent=2))
    else:
        click.echo(render_text(model), nl=False)
