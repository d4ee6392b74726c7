"""`secpat probe URL`: the runtime rules, checked against an app the user runs.

Same findings, report formats, checklist and exit codes as `secpat check`. Loopback
targets only unless --allow-remote; a refused target exits 2 before any request is sent.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from secpat.cli.common import SEVERITIES, exit_code, fail, split, write_output
from secpat.config import ConfigError, load_config
from secpat.report import FORMATS, is_terminal_format, render
from secpat.report import json as json_report
from secpat.report import sarif as sarif_report
from secpat.rules import registry
from secpat.rules.runtime import RUNTIME_RULES

if TYPE_CHECKING:  # the probe and its HTTP client are imported only when `secpat probe` runs
    from secpat.findings import Severity
    from secpat.probe import ProbeResult


class _Size(click.ParamType):
    """A size in bytes: `2097152`, `512K`, `2M` (K and M are 1024 and 1024²)."""

    name = "SIZE"
    _UNITS = {"": 1, "B": 1, "K": 1024, "KB": 1024, "KIB": 1024, "M": 1024**2, "MB": 1024**2, "MIB": 1024**2}

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper()
        number = text.rstrip("KMIB")
        unit = text[len(number) :]
        try:
            size = int(number) * self._UNITS[unit]
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size: give bytes, or a number with K or M, like 2M", param, ctx)
        if not 1024 <= size <= 1024**3:
            self.fail(f"{value!r}: give a size from 1K to 1024M", param, ctx)
        return size


@click.command()
@click.argument("url")
@click.option(
    "--openapi",
    "openapi",
    metavar="PATH",
    help="Where the app's OpenAPI document is [default: /openapi.json]; 'none' to skip it.",
)
@click.option("--login", metavar="PATH", help="The login form's path (its page is read for field names).")
@click.option("--username-field", metavar="NAME", help="The login form's username field [default: from the form].")
@click.option("--password-field", metavar="NAME", help="The login form's password field [default: from the form].")
@click.option("--username", envvar="SECPAT_PROBE_USERNAME", show_envvar=True, help="A test account's username.")
@click.option(
    "--password",
    envvar="SECPAT_PROBE_PASSWORD",
    show_envvar=True,
    help="The test account's password (prefer the environment variable).",
)
@click.option(
    "--form",
    "forms",
    multiple=True,
    metavar="PATH",
    help="A state-changing form to try without a CSRF token: its page or its action (repeatable).",
)
@click.option("--token-endpoint", metavar="PATH", help="Where the test account gets a JWT (POST, JSON credentials).")
@click.option(
    "--api",
    "api",
    multiple=True,
    metavar="PATH",
    help="A GET endpoint that requires the bearer token, for forged tokens (repeatable).",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="PATH?NAME[=VALUE]",
    help="A query parameter to send markers and quotes to, e.g. '/search?q' or '/note?id=3' "
    "(a given value is the plain value checks start from; repeatable).",
)
@click.option(
    "--crawl-pages",
    type=click.IntRange(0, 200),
    default=20,
    show_default=True,
    help="Pages the crawl may read (links, forms, robots.txt, sitemap.xml, usual paths); 0 reads only "
    "the home and login pages.",
)
@click.option(
    "--crawl-depth",
    type=click.IntRange(0, 5),
    default=2,
    show_default=True,
    help="Links followed away from the home page.",
)
@click.option("--expired-token", metavar="JWT", help="An expired token the app issued, to test JWT102 directly.")
@click.option(
    "--attempts",
    type=click.IntRange(5, 100),
    default=25,
    show_default=True,
    help="Wrong passwords sent to each login endpoint (RATE101).",
)
@click.option(
    "--max-requests",
    type=click.IntRange(min=1),
    default=400,
    show_default=True,
    help="Requests the whole run may send.",
)
@click.option(
    "--max-time", type=click.FloatRange(min=1), default=120.0, show_default=True, help="Seconds the whole run may take."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=5.0,
    show_default=True,
    help="Seconds each request may take, body included.",
)
@click.option(
    "--max-response-size",
    "max_response",
    type=_Size(),
    default="2M",
    show_default=True,
    help="Bytes of a response body read; a longer body is cut there and judged on nothing.",
)
@click.option(
    "--concurrency", type=click.IntRange(1, 2), default=1, show_default=True, help="Requests in flight at once."
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a target outside 127.0.0.0/8 and ::1 (only systems you are allowed to test).",
)
@click.option("--select", multiple=True, metavar="RULES", help="Only these runtime rules (ids, prefixes, names).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these runtime rules.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read settings from this file instead of the nearest pyproject.toml.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format; only text includes the probe's log, which the others leave to stderr.",
)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here.")
@click.option("--fail-on", type=SEVERITIES, help="Exit 1 when a finding has at least this severity [default: low].")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless secpat itself fails.")
@click.option("--color/--no-color", default=None, help="Colour the text report [default: when a terminal].")
@click.option("--quiet", "-q", is_flag=True, help="No log of the requests on stderr (formats other than text).")
def probe(
    url: str,
    openapi: str | None,
    login: str | None,
    username_field: str | None,
    password_field: str | None,
    username: str | None,
    password: str | None,
    forms: tuple[str, ...],
    token_endpoint: str | None,
    api: tuple[str, ...],
    params: tuple[str, ...],
    crawl_pages: int,
    crawl_depth: int,
    expired_token: str | None,
    attempts: int,
    max_requests: int,
    max_time: float,
    timeout: float,
    max_response: int,
    concurrency: int,
    allow_remote: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: Path | None,
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    exit_zero: bool,
    color: bool | None,
    quiet: bool,
) -> None:
    """Probe the running app at URL for the runtime rules (RATE101-RATE103, CSRF101,
    CONF101, CONF103-CONF108, SECRET101, JWT101-JWT105, XSS101, SQL101-SQL103, LOG101).

    Endpoints come from the app's OpenAPI document when it has one, from a bounded crawl of
    its own pages (links, forms, robots.txt, sitemap.xml, usual account paths), and from the
    options, which win. Give a test account on a test instance (never a real user's): the
    probe logs in with it, submits the forms it finds, asks for resets for it, and RATE101
    sends it wrong passwords, which may lock it for a while.
    Every request is bounded (time, size) and listed in the report, with each check it made;
    a pattern reads passed only when one of its checks reached a verdict.
    """

    overrides = {"select": split(select), "ignore": split(ignore), "fail-on": fail_on}
    try:
        config = load_config(Path("."), config_file, {k: v for k, v in overrides.items() if v not in (None, ())})
    except ConfigError as exc:
        fail(str(exc))
    rules = frozenset(r.id for r in RUNTIME_RULES if config.is_enabled(r.id, ""))
    if not rules:
        fail("no runtime rule selected")
    from secpat.probe import ProbeError, ProbeOptions, TargetError, run_probe

    options = ProbeOptions(
        username=username,
        password=password,
        login=login,
        username_field=username_field,
        password_field=password_field,
        token_endpoint=token_endpoint,
        forms=forms,
        params=params,
        api=api,
        openapi="" if openapi and openapi.lower() == "none" else openapi,
        expired_token=expired_token,
        attempts=attempts,
        crawl_pages=crawl_pages,
        crawl_depth=crawl_depth,
        timeout=timeout,
        max_response=max_response,
        max_requests=max_requests,
        max_seconds=max_time,
        concurrency=concurrency,
        allow_remote=allow_remote,
        rules=rules,
    )
    try:
        result = run_probe(url, options)
    except (TargetError, ProbeError) as exc:
        fail(str(exc))
    except Exception as exc:  # a bug in secpat whatever the server sent: one line, exit 2, never a traceback
        if os.environ.get("SECPAT_DEBUG"):
            raise
        fail(f"internal error while probing: {type(exc).__name__}: {exc}")
    result.findings = [
        f for f in result.findings if f.confidence >= config.min_confidence and f.severity >= config.report_level
    ]
    if color is None:
        color = output is None and is_terminal_format(fmt) and sys.stdout.isatty()
    if fmt != "text" and not quiet:
        # The log is for people: it never goes into a report a program reads.
        from secpat.probe import describe_run

        click.echo(describe_run(result), nl=False, err=True)
    report = render_probe(fmt, result, color=color, fail_on=config.fail_on)
    if output is not None:
        write_output(output, report)
    else:
        click.echo(report, nl=not report.endswith("\n"), color=color)
    if (fmt != "text" or output is not None) and not quiet:
        click.echo(f"secpat: probe sent {result.requests} requests in {result.duration_s:.2f}s", err=True)
    sys.exit(exit_code(result, config.fail_on, keep_going=False, exit_zero=exit_zero))


def render_probe(fmt: str, result: ProbeResult, *, color: bool = False, fail_on: Severity | None = None) -> str:
    """The report of `check`, with the probe's own record where the format has room for it: a
    section in text, a `probe` member in JSON, run properties in SARIF (whose base URI becomes the
    target's). Every other format holds the findings alone."""
    from secpat.findings import Severity
    from secpat.probe import describe_run, run_document

    rules = {r.id: r for r in registry.all_rules()}
    fail_on = fail_on or Severity.LOW
    if fmt == "json":
        doc = json_report.document(result, rules, fail_on=fail_on)
        doc["probe"] = run_document(result)
        return json.dumps(doc, indent=2) + "\n"
    if fmt == "sarif":
        doc = sarif_report.document(result, rules)
        run = doc["runs"][0]
        origin = result.target.split("/", 3)
        run["originalUriBaseIds"][sarif_report.SRCROOT] = {"uri": "/".join(origin[:3]) + "/"}
        run.setdefault("properties", {})["probe"] = run_document(result)
        return json.dumps(doc, indent=2) + "\n"
    report = render(fmt, result, rules, color=color, fail_on=fail_on)
    return describe_run(result) + "\n" + report if fmt == "text" else report
