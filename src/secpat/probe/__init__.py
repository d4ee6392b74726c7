"""`secpat probe URL`: runtime checks over HTTP against an app the user runs.

The run: check the target (loopback unless allowed; refused before any request), discover
endpoints (OpenAPI document, HTML forms, options), log in with the test account and obtain
a token once, then run each probe in turn within its budget. Every request is recorded
against the probe that sent it, and every check a probe makes (where, through which input,
what was sent, the verdict), so the report says what was tested and what was not: a
pattern counts as checked only when one of its checks reached a verdict. Findings,
reporters, checklist and exit codes are those of `check`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import httpx

from secpat.findings import Finding, Notice, NoticeKind, ScanResult
from secpat.patterns import PATTERNS
from secpat.probe import accounts, exposure, injection, sessions, tokens  # noqa: F401 - they register their probes
from secpat.probe.checks import (
    PROBES,
    ProbeContext,
    ProbeOptions,
    Skip,
    prepare_bearer,
    prepare_login,
)
from secpat.probe.client import BudgetExhausted, Exchange, ProbeClient, ProbeError, ProbeLog
from secpat.probe.discovery import CrawlLimits, Endpoints, discover
from secpat.probe.target import Resolver, Target, TargetError, parse_target, resolve_addresses
from secpat.rules.runtime import RUNTIME_RULES

__all__ = ["ProbeError", "ProbeOptions", "ProbeResult", "TargetError", "describe_run", "run_document", "run_probe"]


@dataclass(slots=True)
class ProbeResult(ScanResult):
    """A scan result with what the probe did: endpoints found and each probe's requests and time."""

    target: str = ""
    endpoints: list[str] = field(default_factory=list)
    probes: list[ProbeLog] = field(default_factory=list)
    #: Why each pattern the probe did not check went unchecked; the checklist shows it.
    not_checked_reasons: dict[int, str] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return sum(log.requests for log in self.probes)


def run_probe(
    url: str,
    options: ProbeOptions | None = None,
    *,
    transport: httpx.BaseTransport | None = None,
    resolve: Resolver = resolve_addresses,
) -> ProbeResult:
    """Probe the app at `url`. Raises TargetError (refused, before any request) or ProbeError
    (nothing answers, or nothing usable). `transport` replaces the network, for in-process apps."""
    options = options or ProbeOptions()
    started = time.monotonic()
    target = parse_target(url, allow_remote=options.allow_remote, resolve=resolve)
    order = {rule.id: n for n, rule in enumerate(RUNTIME_RULES)}
    selected = sorted(
        (p for p in PROBES if options.rules is None or p.rule.id in options.rules), key=lambda p: order[p.rule.id]
    )
    findings: list[Finding] = []
    notices: list[Notice] = []
    # Request paths carry the prefix already: the client is based at the origin.
    origin = target.connect_url[: len(target.connect_url) - len(target.prefix)]
    with ProbeClient(
        origin,
        transport=transport,
        host_header=target.host_header,
        timeout=options.timeout,
        max_requests=options.max_requests,
        max_seconds=options.max_seconds,
        concurrency=options.concurrency,
        max_response=options.max_response,
    ) as client:
        ctx = _setup(client, target, options, notices)
        _require_answers(target, [ex for log in client.logs for ex in log.exchanges])
        for probe in selected:
            with client.probe(probe.rule.id, max_requests=probe.budget(options), max_seconds=probe.max_seconds) as log:
                found: list[Finding] = []
                try:
                    for finding in probe.func(ctx):
                        found.append(finding)
                except Skip as exc:
                    log.state, log.reason = "skipped", str(exc)
                except BudgetExhausted as exc:
                    log.state, log.reason = "stopped", str(exc)
                except ProbeError:
                    raise
                except Exception as exc:  # noqa: BLE001 - one broken probe must not hide the others' results
                    log.state, log.reason = "failed", f"{type(exc).__name__}: {exc}"
                    notices.append(
                        Notice(target.url, NoticeKind.INTERNAL_ERROR, f"{probe.rule.id} probe failed: {log.reason}")
                    )
            if log.state == "ran":
                ctx.findings[probe.rule.id] = found  # later probes may build on a proven result
            findings.extend(found)
            if log.state in ("skipped", "stopped"):
                notices.append(
                    Notice(
                        target.url,
                        NoticeKind.CONFIG,
                        f"{probe.rule.id} not run: {log.reason}"
                        if log.state == "skipped"
                        else f"{probe.rule.id} stopped: {log.reason}",
                    )
                )
        logs = list(client.logs)
    checked, reasons = _coverage(selected, logs)
    return ProbeResult(
        findings=findings,
        notices=notices,
        root=target.url,
        command="probe",
        patterns_checked=frozenset(checked),
        duration_s=time.monotonic() - started,
        target=target.url,
        endpoints=_describe(ctx),
        probes=logs,
        not_checked_reasons=reasons,
    )


def _require_answers(target: Target, exchanges: list[Exchange]) -> None:
    """Stop the run when discovery and login got nothing a check could be judged on."""
    if not exchanges or any(ex.usable and not ex.redirect for ex in exchanges):
        return
    if all(ex.redirect for ex in exchanges):
        shown = ", ".join(dict.fromkeys(f"{ex.path} -> {ex.outcome}" for ex in exchanges[:3]))
        raise ProbeError(
            f"{target.url} answered every request with a redirect ({shown}); the probe does not "
            "follow redirects: probe the address they lead to"
        )
    shown = "; ".join(dict.fromkeys(ex.summary() for ex in exchanges[:3]))
    raise ProbeError(f"{target.url} answered nothing usable ({shown})")


def _coverage(selected: list, logs: list[ProbeLog]) -> tuple[set[int], dict[int, str]]:
    """The patterns at least one check reached a verdict for, and why each other pattern was not checked."""
    by_name = {log.name: log for log in logs}
    checked: set[int] = set()
    why: dict[int, dict[str, list[str]]] = {}
    for probe in selected:
        log = by_name.get(probe.rule.id)
        if log is None:
            continue
        if log.checked:
            checked.add(probe.rule.pattern)
        else:
            why.setdefault(probe.rule.pattern, {}).setdefault(log.why_unchecked(), []).append(probe.rule.id)
    runtime = {p.rule.pattern for p in PROBES}
    reasons: dict[int, str] = {}
    for pattern in PATTERNS:
        number = pattern.number
        if number in checked:
            continue
        if number not in runtime:
            reasons[number] = "no runtime check; `secpat check` reads the code for it"
        elif number not in why:
            reasons[number] = "its runtime rules were not selected"
        else:
            reasons[number] = "; ".join(f"{', '.join(ids)}: {reason}" for reason, ids in why[number].items())
    return checked, reasons


def _setup(client: ProbeClient, target: Target, options: ProbeOptions, notices: list[Notice]) -> ProbeContext:
    limits = CrawlLimits(pages=options.crawl_pages, depth=options.crawl_depth)
    with client.probe("discovery", max_requests=limits.pages + 3, max_seconds=60.0) as log:
        try:
            endpoints = discover(
                client,
                target.prefix,
                openapi=options.openapi,
                login=options.login,
                username_field=options.username_field,
                password_field=options.password_field,
                token_endpoint=options.token_endpoint,
                forms=options.forms,
                params=options.params,
                api=options.api,
                origin=target.url[: len(target.url) - len(target.prefix)],
                crawl=limits,
            )
        except BudgetExhausted as exc:
            log.state, log.reason = "stopped", str(exc)
            notices.append(Notice(target.url, NoticeKind.CONFIG, f"discovery stopped: {exc}"))
            endpoints = Endpoints()
    ctx = ProbeContext(client, target, endpoints, options)
    for name, step, budget in (("login", prepare_login, 2), ("token", prepare_bearer, 5)):
        with client.probe(name, max_requests=budget) as log:
            try:
                step(ctx)
            except BudgetExhausted as exc:
                log.state, log.reason = "stopped", str(exc)
                notices.append(Notice(target.url, NoticeKind.CONFIG, f"{name} stopped: {exc}"))
            if name == "login" and ctx.session is None and ctx.session_reason:
                log.notes.append(ctx.session_reason)
            if name == "token" and ctx.bearer is None and ctx.bearer_reason:
                log.notes.append(ctx.bearer_reason)
            elif name == "token" and ctx.bearer is not None and ctx.bearer.api is None:
                log.notes.append(ctx.bearer.api_reason)
        if name == "login":
            _crawl_behind_login(ctx, notices)
    return ctx


def _crawl_behind_login(ctx: ProbeContext, notices: list[Notice]) -> None:
    """Read, with the test account's session, the home page (it links to more once logged in) and
    the pages that sent the anonymous crawl to the login."""
    crawler = ctx.endpoints.crawler
    if crawler is None or ctx.session is None or crawler.pages_left <= 0 or not ctx.endpoints.crawled:
        return
    pages = [ctx.path("/"), *ctx.endpoints.behind_login]
    crawler.seen -= {crawler.key(page) for page in pages}
    with ctx.client.probe("crawl", max_requests=crawler.pages_left, max_seconds=60.0) as log:
        try:
            crawler.crawl(pages, cookies=ctx.session.cookies)
        except BudgetExhausted as exc:
            log.state, log.reason = "stopped", str(exc)
            notices.append(Notice(ctx.target.url, NoticeKind.CONFIG, f"crawl stopped: {exc}"))


def _describe(ctx: ProbeContext) -> list[str]:
    lines = [f"OpenAPI document: {ctx.endpoints.openapi}" if ctx.endpoints.openapi else "OpenAPI document: none"]
    lines += ctx.endpoints.describe()
    if ctx.session is not None:
        lines.append(f"session: cookies {', '.join(sorted(ctx.session.cookies))} from {ctx.session.exchange.summary()}")
    if ctx.bearer is not None:
        lines.append(
            f"bearer token: alg {ctx.bearer.header.get('alg')}, claims {', '.join(sorted(ctx.bearer.claims))}"
            + (f"; checked against {ctx.bearer.api}" if ctx.bearer.api else "")
        )
    return lines


def describe_run(result: ProbeResult) -> str:
    """What the probe found to talk to and what each probe sent: requests, seconds, outcome."""
    lines = [f"Probe of {result.target}"]
    lines += [f"  {line}" for line in result.endpoints]
    lines += ["", "Requests sent (per probe: requests, seconds, what was sent)"]
    width = max((len(log.name) for log in result.probes), default=7)
    for log in result.probes:
        noun = "request " if log.requests == 1 else "requests"
        head = f"  {log.name:<{width}}  {log.requests:>3} {noun}  {log.seconds:6.2f}s"
        what = log.sent() or "(no requests of its own)"
        if log.state != "ran":
            what = f"{log.state}: {log.reason}" + (f"; sent {log.sent()}" if log.exchanges else "")
        lines.append(f"{head}  {what}")
        pad = " " * (len(head) + 2)
        lines += [f"{pad}{note}" for note in log.notes]
        lines += [f"{pad}check {check.line()}" for check in log.checks]
    lines.append(f"  {'total':<{width}}  {result.requests:>3} requests  {result.duration_s:6.2f}s")
    return "\n".join(line.rstrip() for line in lines) + "\n"


_PROBE_NAMES = frozenset(p.rule.id for p in PROBES)


def run_document(result: ProbeResult) -> dict:
    """The probe's own record for the JSON and SARIF reports."""
    return {
        "target": result.target,
        "endpoints": list(result.endpoints),
        "requests": result.requests,
        "seconds": round(result.duration_s, 3),
        "probes": [
            {
                "name": log.name,
                "state": log.state,
                "reason": log.reason or None,
                "requests": log.requests,
                "seconds": round(log.seconds, 3),
                "notes": list(log.notes),
                "checked": log.checked if log.name in _PROBE_NAMES else None,
                "not_checked": None if log.checked or log.name not in _PROBE_NAMES else log.why_unchecked(),
                "checks": [
                    {
                        "endpoint": c.endpoint,
                        "input": c.input,
                        "sent": list(c.sent),
                        "verdict": c.verdict,
                        "reason": c.reason or None,
                        "counts": c.counts,
                    }
                    for c in log.checks
                ],
                "sent": [
                    {
                        "method": ex.method,
                        "path": ex.path,
                        "note": ex.note,
                        "status": ex.status,
                        "error": ex.error or ex.cut or None,
                        "seconds": round(ex.elapsed, 4),
                        "cookies": list(ex.sent_cookies),
                        "headers": list(ex.sent_headers),
                    }
                    for ex in log.exchanges
                ],
            }
            for log in result.probes
        ],
    }
