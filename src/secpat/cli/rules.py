"""`secpat rules` and `secpat explain`."""

from __future__ import annotations

import json
import os
import sys

import click

from secpat.cli.common import fail
from secpat.rules import registry


@click.command("rules")
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True
)
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
        table.add_row(
            r.id, r.name, str(r.pattern or "-"), r.severity.value, r.confidence.value, f"CWE-{r.cwe}", r.title
        )
    # The terminal's width (or $COLUMNS); 120 columns in a pipe or file, where no width is known.
    known = sys.stdout.isatty() or os.environ.get("COLUMNS", "").isdigit()
    Console(width=None if known else 120).print(table)


def _rule_dict(rule: registry.Rule) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "pattern": rule.pattern,
        "title": rule.title,
        "severity": rule.severity.value,
        "confidence": rule.confidence.value,
        "owasp": rule.owasp,
        "cwe": rule.cwe,
        "kind": rule.kind,
        "why": rule.why,
        "bad": rule.bad,
        "good": rule.good,
        "fix": rule.fix,
        "references": list(rule.references),
    }


@click.command()
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
        fail(f"unknown rule {rule_key!r}{hint}")
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
