"""What the app exposes to anyone who asks: CORS for any origin (CONF105), https without HSTS
(CONF106), versions in headers (CONF107), interactive docs and consoles (CONF108), secret files
and repository metadata (SECRET101), a Content-Security-Policy that lets scripts in (CONF111).
A file or page counts only by its content, never by a status.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from secpat.findings import Confidence, Finding
from secpat.probe.checks import FOREIGN_ORIGIN, ProbeContext, Skip, _finding, _ok, _url_path, probe
from secpat.probe.client import Exchange
from secpat.rules.runtime import CONF105, CONF106, CONF107, CONF108, CONF111, SECRET101


@probe(CONF105, max_requests=4)
def cors_any_origin(ctx: ProbeContext) -> Iterator[Finding]:
    """Send a foreign Origin (with the session, as a browser would) and a preflight; read the CORS headers."""
    cookies = ctx.session_cookies() or None
    paths = list(dict.fromkeys([ctx.bearer.api if ctx.bearer and ctx.bearer.api else ctx.path("/"), ctx.path("/")]))
    origin = {"Origin": FOREIGN_ORIGIN}
    requests = [("GET", path, "foreign Origin", origin) for path in paths[:2]]
    requests.append(
        (
            "OPTIONS",
            paths[0],
            "preflight from a foreign Origin",
            {**origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization"},
        )
    )
    reported = False
    for method, path, note, headers in requests:
        ex = ctx.client.request(method, path, note=note, headers=headers, cookies=cookies)
        allowed = (ex.header("access-control-allow-origin") or "").strip()
        credentials = (ex.header("access-control-allow-credentials") or "").strip().lower() == "true"
        flaw = allowed in (FOREIGN_ORIGIN, "*", "null") and credentials
        ctx.check(
            f"{method} {_url_path(path)}",
            "Origin",
            (FOREIGN_ORIGIN,),
            [ex],
            found=flaw,
            redirects=True,
            reason=f"Allow-Origin {allowed or '(none)'}, Allow-Credentials {'true' if credentials else 'no'}",
        )
        if flaw and not reported:
            reported = True
            how = "reflects the foreign origin" if allowed == FOREIGN_ORIGIN else f"allows origin `{allowed}`"
            yield _finding(
                CONF105,
                ex,
                f"{method} {_url_path(path)} {how} with `Access-Control-Allow-Credentials: "
                "true`: any site can read its answers with the user's cookies",
                snippet=ex.summary(),
                confidence=Confidence.MEDIUM if allowed == "*" else None,
                context=allowed,
                extra={"origin sent": FOREIGN_ORIGIN, "allow-origin": allowed},
            )


@probe(CONF106, max_requests=1)
def https_without_hsts(ctx: ProbeContext) -> Iterator[Finding]:
    """Read Strict-Transport-Security on the https answers so far (one GET of the home page if none)."""
    if not ctx.target.https:
        raise Skip("the target is plain http, where browsers ignore HSTS: probe the https address to judge it")
    answers = [ex for ex in ctx.exchanges() if _ok(ex)] or [ctx.client.request("GET", ctx.path("/"), note="page")]
    with_hsts = [ex for ex in answers if _max_age(ex) > 0]
    ex = answers[0]
    ctx.check(
        f"{ex.method} {_url_path(ex.path)}",
        "Strict-Transport-Security",
        ("(read from the answers)",),
        answers[:1],
        found=not with_hsts,
        reason=f"{len(with_hsts)} of {len(answers)} 2xx answers carry it",
    )
    if not with_hsts and ex.usable:
        yield _finding(
            CONF106,
            ex,
            f"{len(answers)} https answers (first: {ex.method} {_url_path(ex.path)}) carry no "
            "Strict-Transport-Security with a max-age",
            snippet=ex.summary(),
            extra={"answers read": str(len(answers))},
        )


def _max_age(ex: Exchange) -> int:
    match = re.search(r"max-age\s*=\s*\"?(\d+)", ex.header("strict-transport-security") or "", re.I)
    return int(match.group(1)) if match else 0


_VERSION = re.compile(r"\d+\.\d+")
VERSION_HEADERS = ("server", "x-powered-by", "x-aspnet-version", "x-aspnetmvc-version", "x-generator")


@probe(CONF107, max_requests=0)
def version_headers(ctx: ProbeContext) -> Iterator[Finding]:
    """Read the product headers of every answer so far."""
    answers = [ex for ex in ctx.exchanges() if ex.status is not None]
    if not answers:
        raise Skip("no answer to read")
    seen: dict[tuple[str, str], Exchange] = {}
    for ex in answers:
        for name in VERSION_HEADERS:
            value = ex.header(name)
            if value:
                seen.setdefault((name, value), ex)
    versions = {key: ex for key, ex in seen.items() if _VERSION.search(key[1])}
    shown = "; ".join(f"{name}: {value}" for name, value in seen) or "no product headers"
    ctx.check(
        "(every answer)",
        ", ".join(VERSION_HEADERS),
        (f"read {len(answers)} answers",),
        [],
        found=bool(versions),
        reason=shown,
    )
    for (name, value), ex in list(versions.items())[:2]:
        header = "-".join(part.capitalize() for part in name.split("-"))
        yield _finding(
            CONF107,
            ex,
            f"answers carry `{header}: {value}`, which names the software and its version",
            snippet=f"{header}: {value}",
            context=f"{name}: {value}",
            extra={"header": header, "value": value},
        )


# (path, what it is, how its content is recognised)
_CONSOLES = (
    ("/docs", "Swagger UI", re.compile(r"swagger-ui", re.I)),
    ("/redoc", "ReDoc", re.compile(r"<redoc\b|redoc\.standalone\.js", re.I)),
    ("/swagger-ui/", "Swagger UI", re.compile(r"swagger-ui", re.I)),
    ("/api/docs", "Swagger UI", re.compile(r"swagger-ui", re.I)),
    ("/console", "the Werkzeug console", re.compile(r"Interactive Console|CONSOLE_MODE\s*=\s*true", re.I)),
)


@probe(CONF108, max_requests=len(_CONSOLES))
def docs_and_consoles(ctx: ProbeContext) -> Iterator[Finding]:
    """Ask for the usual paths of interactive docs and debug consoles; judge the page's content."""
    for path, what, pattern in _CONSOLES:
        ex = ctx.client.request("GET", ctx.path(path), note=what, headers={"Accept": "text/html"})
        flaw = _ok(ex) and ex.is_html and bool(pattern.search(ex.body))
        ctx.check(
            f"GET {path}",
            "",
            (what,),
            [ex],
            found=flaw,
            redirects=True,
            reason=f"{what} served" if flaw else f"answered {ex.outcome}, not {what}",
        )
        if flaw:
            yield _finding(
                CONF108,
                ex,
                f"GET {path} serves {what} to anyone",
                snippet=ex.summary(),
                context=path,
                extra={"page": what},
            )


def _env_file(body: str) -> list[str]:
    names = re.findall(r"(?m)^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=", body)
    return names if len(names) >= 1 and not re.search(r"<html|<!doctype", body[:500], re.I) else []


# (path, what it is, the test its content must pass) — evidence names variables or kinds, never values
_FILES = (
    ("/.env", "a .env file", lambda body: bool(_env_file(body))),
    ("/.env.bak", "a backup of .env", lambda body: bool(_env_file(body))),
    ("/.git/HEAD", "git repository metadata", lambda body: bool(re.match(r"ref: refs/|[0-9a-f]{40}\s*$", body))),
    ("/.git/config", "git repository configuration", lambda body: "[core]" in body),
    (
        "/settings.py.bak",
        "a backup of Python settings",
        lambda body: bool(re.search(r"(?m)^(?:import |from \w|[A-Z_]{3,}\s*=)", body)) and "<html" not in body[:500],
    ),
    ("/db.sqlite3", "a SQLite database", lambda body: body.startswith("SQLite format 3")),
    (
        "/backup.sql",
        "a SQL dump",
        lambda body: bool(re.search(r"CREATE TABLE|INSERT INTO", body)) and "<html" not in body[:500].lower(),
    ),
)


@probe(SECRET101, max_requests=len(_FILES))
def secret_files(ctx: ProbeContext) -> Iterator[Finding]:
    """Ask for .env, .git metadata and usual backup names; report a file only by its content."""
    for path, what, looks_like in _FILES:
        ex = ctx.client.request("GET", ctx.path(path), note=what)
        flaw = _ok(ex) and ex.usable and looks_like(ex.body)
        ctx.check(
            f"GET {path}",
            "",
            (what,),
            [ex],
            found=flaw,
            redirects=True,
            reason=f"{what} served" if flaw else f"answered {ex.outcome}, not {what}",
        )
        if flaw:
            names = _env_file(ex.body)
            detail = f" (variables: {', '.join(names[:6])})" if names and "env" in path else ""
            yield _finding(
                SECRET101,
                ex,
                f"GET {path} serves {what}{detail}",
                snippet=ex.summary(),
                context=path,
                extra={"file": what, **({"variables": ", ".join(names[:10])} if detail else {})},
            )


def csp_directives(policy: str) -> dict[str, list[str]]:
    """A policy's directives (first occurrence wins, as browsers read it), sources lower-cased."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return directives


_ANYWHERE = ("*", "http:", "https:", "data:", "blob:")


def csp_weaknesses(policy: str) -> list[str]:
    """What lets an injected script run (or a plugin or a `<base>` tag redirect scripts) under a policy."""
    directives = csp_directives(policy)
    scripts = directives.get("script-src", directives.get("default-src"))
    if scripts is None:
        return ["no script-src or default-src: scripts are not restricted"]
    weak = []
    pinned = any(
        s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) or s == "'strict-dynamic'" for s in scripts
    )
    if "'unsafe-inline'" in scripts and not pinned:
        weak.append("script-src allows 'unsafe-inline'")
    if "'unsafe-eval'" in scripts:
        weak.append("script-src allows 'unsafe-eval'")
    anywhere = [s for s in scripts if s in _ANYWHERE or s.endswith("://*")]
    if anywhere and "'strict-dynamic'" not in scripts:
        weak.append(f"script-src allows {' '.join(anywhere)}")
    objects = directives.get("object-src", directives.get("default-src"))
    if objects is None or any(s in _ANYWHERE for s in objects):
        weak.append("object-src is not restricted")
    if pinned and "base-uri" not in directives:
        weak.append("no base-uri, which nonce- or hash-based scripts need")
    return weak


@probe(CONF111, max_requests=0)
def weak_csp(ctx: ProbeContext) -> Iterator[Finding]:
    """Read the Content-Security-Policy of every HTML answer so far."""
    pages = [ex for ex in ctx.exchanges() if _ok(ex) and ex.is_html]
    with_csp = [ex for ex in pages if (ex.header("content-security-policy") or "").strip()]
    if not with_csp:
        raise Skip("no HTML page answered with a Content-Security-Policy" if pages else "no HTML page answered")
    policies: dict[str, Exchange] = {}
    for ex in with_csp:
        policies.setdefault(ex.header("content-security-policy") or "", ex)
    for policy, ex in list(policies.items())[:3]:
        weak = csp_weaknesses(policy)
        ctx.check(
            f"GET {_url_path(ex.path)}",
            "Content-Security-Policy",
            ("(read from the answer)",),
            [],
            found=bool(weak),
            reason="; ".join(weak) or "scripts, plugins and base restricted",
        )
        if weak:
            yield _finding(
                CONF111,
                ex,
                f"the Content-Security-Policy of GET {_url_path(ex.path)} does not stop "
                f"injected scripts: {'; '.join(weak)}",
                snippet=f"Content-Security-Policy: {policy}",
                context=policy,
                extra={"policy": policy, "weaknesses": "; ".join(weak)},
            )
