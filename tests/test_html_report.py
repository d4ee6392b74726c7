"""The HTML report: one self-contained page, escaped and masked, opened in a real headless Chromium
(the system's, driven by Playwright) to check that it loads nothing, logs no error, and that its
filters hide the right findings."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from html import unescape
from pathlib import Path

import pytest

from secpat.findings import Confidence, Finding, FlowStep, Location, ScanResult, Severity
from secpat.report import html
from secpat.rules import registry

ROOT = Path(__file__).resolve().parent.parent
VULNERABLE = ROOT / "examples" / "vulnerable_app"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RULES = {r.id: r for r in registry.all_rules()}
SECRETS = {  # each appears in the project below, and must never appear in the report
    "signing key bound to a plain name": "Xr5tG8hJ2kLm4nBv7cQw",
    "positional JWT key": "Zq8vR3nT6wYb1KpL9sDf",
    "AWS key id": "AKIAZ7QX3MNB5VWT2LPQ",
    "Stripe key in .env": "sk_live_51Hd8f7GkS2m9XyQpL4vT0aBcD",
    "password in .env": "wK9mP2vL7qR4xZ",
    "private key body": "MIIEowIBAAKCAQEA7bq9nXk3sZx4Yt1Lw2Vd8Qf0Hj6Mp5Ns3Rc1Ka9Ub7Te2Wg4Xi8Yo0Zl6Pm2Qn5",
}


def secpat(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd or ROOT, capture_output=True, text=True, timeout=300
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def vulnerable(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The vulnerable app's HTML report, and its JSON report to compare with."""
    work = tmp_path_factory.mktemp("vulnerable")
    app = work / "app"
    shutil.copytree(VULNERABLE, app, ignore=shutil.ignore_patterns("__pycache__", "*.db"))
    report = work / "report.html"
    done = secpat("check", ".", "-q", "--format", "html", "-o", str(report), cwd=app)
    assert done.returncode == 1, done.stderr
    doc = json.loads(secpat("check", ".", "-q", "--format", "json", cwd=app).stdout)
    assert len(doc["findings"]) > 20
    return report, doc


# -- the page, read as text ---------------------------------------------------------------------


def test_the_page_is_self_contained_with_a_strict_policy(vulnerable) -> None:
    page = vulnerable[0].read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # Nothing that could make a request: no external resource, no src at all, no CSS url() or @import.
    for pattern in (r"<link\b", r"\bsrc\s*=", r"url\(", r"@import", r"<iframe", r"<img", r"<object", r"<embed"):
        assert not re.search(pattern, page, re.IGNORECASE), pattern
    assert not re.search(r"""\bhref\s*=\s*["'](?!#)""", page), "a link that leaves the page"
    policy = unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1))
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'" and directives["base-uri"] == "'none'"
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert directives["style-src"] == _hash(style) and directives["script-src"] == _hash(script)
    assert "unsafe-inline" not in policy
    # No inline event handler, which the policy would block anyway: the script binds its own.
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", page)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_finding_is_on_the_page_grouped_by_pattern_with_its_code(vulnerable) -> None:
    page = vulnerable[0].read_text(encoding="utf-8")
    doc = vulnerable[1]
    shown = re.findall(
        r'<div class="finding" id="finding-\d+" data-pattern="(\d+)" data-severity="(\w+)" '
        r'data-rank="\d" data-path="([^"]+)" data-rule="(\w+)">',
        page,
    )
    assert sorted((p, s, path, r) for p, s, path, r in shown) == sorted(
        (str(f["pattern"]), f["severity"], f["path"], f["rule_id"]) for f in doc["findings"]
    )
    # Patterns in checklist order.
    order = [int(n) for n in re.findall(r'<section class="pattern-group" id="pattern-(\d+)">', page)]
    assert order == sorted(order, key=lambda n: n or 99) and len(order) == len(set(order))
    # The SQL finding's data path, step by step, each step with its own code.
    sql = next(f for f in doc["findings"] if f["rule_id"] == "SQL002" and len(f["flow"]) >= 2)
    start = page.index(f'data-path="{sql["path"]}" data-rule="SQL002"')
    block = page[start : page.index('<div class="finding"', start + 1)]
    assert re.search(rf'<span class="ln mark" data-line="{sql["line"]}">', block)
    steps = re.findall(r'<li class="step[^"]*">', block)
    assert len(steps) == len(sql["flow"])
    for step in sql["flow"]:
        assert f"{step['path']}:{step['line']}</span>" in block
        assert re.search(rf'<span class="ln mark" data-line="{step["line"]}">', block)


def test_the_checklist_is_at_the_top(vulnerable) -> None:
    page = vulnerable[0].read_text(encoding="utf-8")
    doc = vulnerable[1]
    assert page.index('id="checklist"') < page.index('id="findings"')
    states = re.findall(r'<li class="state-([a-z-]+)">', page)
    assert states == [row["state"].replace(" ", "-") for row in doc["checklist"]] and len(states) == 10


def test_no_secret_is_shown_whole_in_the_code_around_findings(tmp_path: Path) -> None:
    key = SECRETS["private key body"]
    project = write(
        tmp_path / "p",
        {
            "app/tokens.py": f'''
            import jwt

            signer = "{SECRETS["signing key bound to a plain name"]}"

            def issue(user_id):
                return jwt.encode({{"sub": user_id, "exp": 1}}, signer, algorithm="HS256")


            def legacy(user_id):
                token = jwt.encode({{"sub": user_id}}, "{SECRETS["positional JWT key"]}", algorithm="HS256")
                aws = "{SECRETS["AWS key id"]}"
                return token, aws
            ''',
            ".env": f"""
            DEBUG=false
            STRIPE_KEY={SECRETS["Stripe key in .env"]}
            DATABASE_PASSWORD={SECRETS["password in .env"]}
            """,
            "deploy/key.pem": f"-----BEGIN RSA PRIVATE KEY-----\n{key}\n{key[::-1]}\n-----END RSA PRIVATE KEY-----\n",
        },
    )
    out = tmp_path / "report.html"
    done = secpat("check", ".", "-q", "--format", "html", "-o", str(out), cwd=project)
    assert done.returncode == 1, done.stderr
    page = out.read_text(encoding="utf-8")
    # The context is there (line 3 is shown around the finding on line 6) ...
    assert re.search(r'data-line="3">signer = &#34;Xr…Qw&#34;</span>', page), page
    assert 'data-line="1">DEBUG=false</span>' in page
    # ... and no secret is in it, whole or escaped.
    for what, secret in SECRETS.items():
        assert secret not in page and secret[4:-4] not in page, what


# -- reading the code when the report is written ---------------------------------------------------


def _one_finding(root: Path, path: str, line: int, snippet: str, **kw: object) -> ScanResult:
    finding = Finding(
        rule_id="SQL001",
        location=Location(path, line, 4),
        message="query built from input",
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        snippet=snippet,
        **kw,
    )
    return ScanResult(findings=[finding], root=str(root), command="check", patterns_checked=frozenset({4}))


def test_code_is_read_only_while_the_findings_line_still_reads_the_same(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": """
        def search(q):
            cur.execute(f"SELECT {q}")
            return cur.fetchall()
        """
        },
    )
    result = _one_finding(tmp_path, "app.py", 2, 'cur.execute(f"SELECT {q}")')
    page = html.render(result, RULES)
    assert 'data-line="1">def search(q):</span>' in page and 'data-line="3">    return cur.fetchall()</span>' in page
    (tmp_path / "app.py").write_text("def search(q):\n    return []\n", encoding="utf-8")
    page = html.render(result, RULES)
    # The file changed: only the code the scan saw, no lines that are not the finding's.
    assert "def search(q)" not in page and "return []" not in page
    assert '<span class="ln mark" data-line="2">cur.execute(f&#34;SELECT {q}&#34;)</span>' in page


def test_code_is_never_read_outside_the_scanned_root_nor_for_history_or_probe(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(tmp_path, {"outside.py": "SECRET_LINE = 1\nx = 2\n", "root/link_target.py": "y = 1\n"})
    (root / "sub").mkdir()
    (root / "sub" / "escape").symlink_to(tmp_path)
    for path in ("../outside.py", "sub/escape/outside.py", str(tmp_path / "outside.py")):
        page = html.render(_one_finding(root, path, 2, "x = 2"), RULES)
        assert "SECRET_LINE" not in page, path
    write(root, {"app.py": "first = 1\nx = 2\n"})
    for command in ("history", "probe"):
        result = _one_finding(root, "app.py", 2, "x = 2")
        result.command = command
        assert "first = 1" not in html.render(result, RULES)


def test_names_messages_and_code_from_the_repository_are_escaped(tmp_path: Path) -> None:
    evil = '<img src=x onerror=alert(1)>\u202e"\x1b[31m.py'
    result = _one_finding(
        tmp_path,
        evil,
        3,
        "q = '<script>alert(1)</script>'",
        flow=(FlowStep(Location(evil, 1, 0), "request input <b>q</b>"),),
    )
    page = html.render(result, RULES)
    body = page[page.index("<body>") : page.index("<script>")]
    assert "<img" not in body and "<script" not in body and "<b>" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;\\u202e&#34;\\x1b[31m.py" in body
    assert "\u202e" not in page and "\x1b" not in page


def test_the_page_is_the_same_for_the_same_result(tmp_path: Path) -> None:
    result = _one_finding(tmp_path, "a.py", 1, "x")
    assert html.render(result, RULES) == html.render(result, RULES)


# -- in a real browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """The system's Chromium, headless, driven by Playwright (which never downloads a browser here)."""
    if not CHROMIUM.exists():
        if os.environ.get("SECPAT_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing and SECPAT_REQUIRE_BROWSER is set (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright import sync_api  # in the test extra: missing, it is an error, not a skip

    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Page:
    """A page opened from the report file, with everything it logged and requested."""

    def __init__(self, browser, report: Path) -> None:
        self.url = report.as_uri()
        self.console: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda message: self.console.append((message.type, message.text)))
        self.page.on("pageerror", lambda error: self.console.append(("pageerror", str(error))))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(self.url, wait_until="load")

    def visible(self) -> list[dict]:
        return self.page.eval_on_selector_all(
            ".finding", "els => els.filter(e => e.offsetParent !== null).map(e => ({...e.dataset}))"
        )

    def visible_groups(self) -> list[str]:
        return self.page.eval_on_selector_all(
            ".pattern-group", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"
        )


def test_the_report_in_a_browser(browser, vulnerable, tmp_path: Path) -> None:
    report, doc = vulnerable
    findings = doc["findings"]
    view = Page(browser, report)
    assert [entry for entry in view.console if entry[0] in ("error", "warning", "pageerror")] == []
    assert view.requests == [view.url]  # the file itself, nothing else
    assert view.page.is_visible("#filters")
    assert len(view.visible()) == len(findings)
    assert view.page.text_content("#filter-count") == f"all {len(findings)} findings shown"

    # By pattern: only SQL injection findings, and only their group.
    view.page.select_option("#filter-pattern", "4")
    assert sorted(f["rule"] for f in view.visible()) == sorted(f["rule_id"] for f in findings if f["pattern"] == 4)
    assert view.visible_groups() == ["pattern-4"]
    view.page.evaluate("document.getElementById('findings').scrollIntoView()")
    shot = tmp_path / "html-report-sql-filter.png"
    view.page.screenshot(path=str(shot))

    # By severity (at least high), with the pattern filter cleared.
    view.page.select_option("#filter-pattern", "")
    view.page.select_option("#filter-severity", label="high")
    high = sorted(f["rule_id"] for f in findings if f["severity"] == "high")
    assert sorted(f["rule"] for f in view.visible()) == high
    view.page.select_option("#filter-severity", label="medium and above")
    assert len(view.visible()) == sum(f["severity"] in ("high", "medium") for f in findings)

    # By file, together with severity.
    path = "app/settings.py"
    view.page.select_option("#filter-file", path)
    expected = [f["rule_id"] for f in findings if f["path"] == path and f["severity"] in ("high", "medium")]
    assert sorted(f["rule"] for f in view.visible()) == sorted(expected) and expected
    assert view.page.text_content("#filter-count") == f"{len(expected)} of {len(findings)} findings shown"

    # "Show all" clears every filter; a failed box of the checklist shows its pattern alone.
    view.page.click("#filter-reset")
    assert len(view.visible()) == len(findings)
    view.page.click('a[data-show-pattern="9"]')
    assert {f["pattern"] for f in view.visible()} == {"9"}
    assert len(view.visible()) == sum(f["pattern"] == 9 for f in findings)

    view.page.click("#filter-reset")
    top = tmp_path / "html-report.png"
    view.page.screenshot(path=str(top))
    full = tmp_path / "html-report-full.png"
    view.page.screenshot(path=str(full), full_page=True)
    for image in (top, shot, full):
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        print(f"screenshot: {image}")
    assert [entry for entry in view.console if entry[0] in ("error", "warning", "pageerror")] == []
    assert view.requests == [view.url] and view.dialogs == []


def test_hostile_names_do_nothing_in_a_browser(browser, tmp_path: Path) -> None:
    evil = 'app/<img src=x onerror=alert(1)>".py'
    result = _one_finding(
        tmp_path,
        evil,
        1,
        "<script>alert(2)</script>",
        flow=(FlowStep(Location(evil, 1, 0), '<img src=y onerror="alert(3)">'),),
    )
    report = tmp_path / "evil.html"
    report.write_text(html.render(result, RULES), encoding="utf-8")
    view = Page(browser, report)
    assert view.dialogs == [] and view.requests == [view.url]
    assert [entry for entry in view.console if entry[0] in ("error", "pageerror")] == []
    view.page.select_option("#filter-file", evil)
    assert [f["path"] for f in view.visible()] == [evil]


def test_a_report_without_findings_in_a_browser(browser, tmp_path: Path) -> None:
    report = tmp_path / "clean.html"
    report.write_text(html.render(ScanResult(root=str(tmp_path), files_scanned=3), RULES), encoding="utf-8")
    view = Page(browser, report)
    assert view.page.query_selector("#filters") is None
    assert "No findings." in view.page.text_content("#findings")
    assert [entry for entry in view.console if entry[0] in ("error", "warning", "pageerror")] == []
    assert view.requests == [view.url]


def test_the_mark_of_a_masked_secret_is_the_maskings_own() -> None:
    from secpat.secrets.masking import ELLIPSIS

    assert html.ELLIPSIS == ELLIPSIS
