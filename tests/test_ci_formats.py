"""The CI formats: junit against a JUnit XSD, gitlab against GitLab's Code Quality format, both from
the real command line and from hostile names; and `probe` keeping its log out of machine formats."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import json
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from secpat.findings import Finding, FlowStep, Location, Notice, NoticeKind, ScanResult, Severity
from secpat.report import FORMATS, gitlab, junit
from secpat.rules import registry

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
VULNERABLE = ROOT / "examples" / "vulnerable_app"
RULES = {r.id: r for r in registry.all_rules()}


def secpat(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd or ROOT, capture_output=True, text=True, timeout=300
    )


@functools.cache
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(DATA / "junit.xsd"))


@functools.cache
def gitlab_schema() -> dict:
    schema = json.loads((DATA / "gitlab-code-quality.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return schema


def junit_errors(report: str) -> list[str]:
    return [str(error.reason) for error in junit_schema().iter_errors(report)]


def gitlab_errors(report: str) -> list[str]:
    validator = jsonschema.Draft7Validator(gitlab_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(report))]


def finding(rule_id: str, path: str, line: int, message: str, **kw: object) -> Finding:
    rule = RULES[rule_id]
    return Finding(
        rule_id=rule_id,
        location=Location(path, line, kw.pop("col", 4), kw.pop("end_line", None)),
        message=message,
        severity=kw.pop("severity", rule.severity),
        confidence=kw.pop("confidence", rule.confidence),
        **kw,
    )


def hostile_result() -> ScanResult:
    """Names and messages a repository could shape: newlines, escape codes, XML markup, a byte that
    is not UTF-8, characters XML forbids; two findings with the same code in the same function."""
    same = dict(snippet="token = random.random()", context="make")
    return ScanResult(
        findings=[
            finding("RND001", "app/a.py", 3, "token from random.random()", **same),
            finding("RND001", "app/a.py", 9, "token from random.random()", **same),
            finding(
                "SQL001",
                "app/evil\n<b>]]>\x1b[31m.py",
                7,
                'query from request.args["q"] </failure>\ufffe',
                snippet='cur.execute(f"SELECT {q}")  # <![CDATA[ & ]]>',
                flow=(FlowStep(Location("app/evil.py", 5, 0), "request input <q>"),),
            ),
            finding("SECRET003", "bad\udcff.env", 0, "an .env file is tracked by git"),
            finding("SPT001", "app/b.py", 2, "suppression without a reason", end_line=4),
        ],
        notices=[
            Notice("app/broken.py", NoticeKind.SYNTAX_ERROR, "invalid syntax <here>", line=3),
            Notice("static/logo.png", NoticeKind.BINARY, "binary file skipped"),
        ],
        files_scanned=5,
        root="/srv/app",
        patterns_checked=frozenset(range(1, 11)),
        uses=frozenset({"random", "database", "web", "files"}),
        duration_s=1.25,
        hidden=(("LOG001", "min-confidence"),),
    )


RESULTS = {
    "hostile": hostile_result(),
    "empty": ScanResult(root="/srv/app"),
    "url": ScanResult(
        findings=[finding("CONF104", "http://127.0.0.1:8000/", 0, "served without CSP")],
        patterns_checked=frozenset({10}),
    ),
}


# -- junit ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_junit_validates_against_the_junit_schema(name: str) -> None:
    report = junit.render(RESULTS[name], RULES)
    assert report.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert junit_errors(report) == []


def test_the_schema_rejects_what_a_reader_would_refuse() -> None:
    # The validation can fail: a count that is not a number, a test case outside a suite.
    good = junit.render(RESULTS["hostile"], RULES)
    assert junit_errors(good.replace('tests="', 'tests="x', 1)) != []
    assert junit_errors('<testsuites><testcase name="a"/></testsuites>') != []


def test_junit_cases_and_counts() -> None:
    result = RESULTS["hostile"]
    root = ET.fromstring(junit.render(result, RULES))
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites)[:10] == [
        f"{p}. {name}"
        for p, name in enumerate(
            [
                "Secure random generation",
                "Password storage",
                "Secure JWT design",
                "SQL injection prevention",
                "XSS prevention",
                "CSRF protection",
                "Rate limiting",
                "Log design",
                "Secret management",
                "Environment-based config",
            ],
            start=1,
        )
    ]
    assert list(suites)[10:] == ["secpat checks", "Files not analysed"]
    failures = [case for case in root.iter("testcase") if case.find("failure") is not None]
    assert len(failures) == len(result.findings) == int(root.get("failures"))
    # Both findings with the same code stay two test cases.
    assert [case.get("line") for case in suites["1. Secure random generation"].iter("testcase")] == ["3", "9"]
    for suite in suites.values():
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("skipped")) == sum(case.find("skipped") is not None for case in cases)
    assert int(root.get("tests")) == sum(len(s.findall("testcase")) for s in suites.values())
    # A pattern without findings is its checklist box: passed, or skipped with the reason.
    jwt = suites["3. Secure JWT design"].find("testcase/skipped")
    assert jwt.get("message").startswith("nothing to check: ")
    log = suites["8. Log design"].find("testcase/skipped")
    assert log.get("message") == "hidden: 1 finding below --min-confidence"
    passed = suites["10. Environment-based config"].find("testcase")
    assert passed.get("classname") == "secpat.checklist" and list(passed) == []
    # Only the blocking notice is an error; the binary file is not a failed test.
    errors = [case for case in root.iter("testcase") if case.find("error") is not None]
    assert [(c.get("name"), c.find("error").get("type")) for c in errors] == [("app/broken.py:3", "syntax-error")]
    assert root.get("errors") == "1"


def test_junit_failure_says_what_to_fix() -> None:
    root = ET.fromstring(junit.render(RESULTS["hostile"], RULES))
    case = next(c for c in root.iter("testcase") if c.get("classname") == "secpat.SQL001")
    failure = case.find("failure")
    assert failure.get("type") == f"SQL001 {RULES['SQL001'].name}"
    assert "data path: app/evil.py:5 request input <q>" in failure.text
    assert f"fix: {RULES['SQL001'].fix.splitlines()[0]}" in failure.text
    assert RULES["SQL001"].help_uri in failure.text
    # Names from the repository are one line, escape codes shown, never markup or a broken document.
    assert case.get("file") == "app/evil\\n<b>]]>\\x1b[31m.py"
    assert "\n" not in case.get("name") and "\x1b" not in case.get("name")
    assert failure.get("message") == 'query from request.args["q"] </failure>\\ufffe'
    whole_file = next(c for c in root.iter("testcase") if c.get("classname") == "secpat.SECRET003")
    assert whole_file.get("file") == "bad\\xff.env" and whole_file.get("line") is None


# -- gitlab --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_gitlab_validates_against_the_code_quality_schema(name: str) -> None:
    assert gitlab_errors(gitlab.render(RESULTS[name], RULES)) == []


def test_the_code_quality_schema_can_fail() -> None:
    issue = json.loads(gitlab.render(RESULTS["hostile"], RULES))[0]
    for broken in (
        {**issue, "severity": "high"},
        {**issue, "location": {"path": "./app/a.py", "lines": {"begin": 3}}},
        {**issue, "location": {"path": "app/a.py"}},
        {k: v for k, v in issue.items() if k != "fingerprint"},
    ):
        assert gitlab_errors(json.dumps([broken])) != []


def test_gitlab_issues() -> None:
    issues = json.loads(gitlab.render(RESULTS["hostile"], RULES))
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]) for i in issues] == [
        ("RND001", "app/a.py", {"begin": 3}),
        ("RND001", "app/a.py", {"begin": 9}),
        ("SPT001", "app/b.py", {"begin": 2, "end": 4}),
        ("SQL001", "app/evil\n<b>]]>\x1b[31m.py", {"begin": 7}),  # the file's real name, for GitLab to link
        ("SECRET003", "bad\\xff.env", {"begin": 1}),  # a whole file: its first line
    ]
    assert [i["severity"] for i in issues] == ["critical", "critical", "minor", "critical", "critical"]
    medium = finding("LOG001", "app/log.py", 4, "password logged", severity=Severity.MEDIUM)
    assert json.loads(gitlab.render(ScanResult(findings=[medium]), RULES))[0]["severity"] == "major"
    # GitLab keeps one issue per fingerprint: two findings with the same code still get two.
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert fingerprints[0] == RESULTS["hostile"].findings[0].fingerprint
    assert issues[0]["description"] == f"RND001 {RULES['RND001'].name}: token from random.random()"
    assert RULES["RND001"].fix in issues[0]["content"]["body"]


def test_gitlab_fingerprints_survive_a_line_shift() -> None:
    result = RESULTS["hostile"]
    moved = dataclasses.replace(
        result,
        findings=[
            dataclasses.replace(f, location=dataclasses.replace(f.location, line=f.location.line + 2))
            for f in result.findings
        ],
    )
    fingerprints = [i["fingerprint"] for i in json.loads(gitlab.render(result, RULES))]
    assert [i["fingerprint"] for i in json.loads(gitlab.render(moved, RULES))] == fingerprints


# -- the real command line ----------------------------------------------------------------------


def test_check_writes_valid_junit_and_gitlab_reports(tmp_path: Path) -> None:
    doc = json.loads(secpat("check", str(VULNERABLE), "-q", "--format", "json").stdout)
    assert len(doc["findings"]) > 20
    done = secpat("check", str(VULNERABLE), "-q", "--format", "junit", "-o", str(tmp_path / "secpat.xml"))
    assert done.returncode == 1, done.stderr
    report = (tmp_path / "secpat.xml").read_text(encoding="utf-8")
    assert junit_errors(report) == []
    assert ET.fromstring(report).get("failures") == str(len(doc["findings"]))
    done = secpat("check", str(VULNERABLE), "-q", "--format", "gitlab")
    assert done.returncode == 1, done.stderr
    assert gitlab_errors(done.stdout) == []
    issues = json.loads(done.stdout)
    assert sorted((i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues) == sorted(
        (f["rule_id"], f["path"], max(f["line"], 1)) for f in doc["findings"]
    )


def test_every_registered_format_is_offered_by_every_command() -> None:
    assert set(FORMATS) >= {"text", "concise", "json", "sarif", "junit", "gitlab"}
    for command in ("check", "history", "probe"):
        shown = secpat(command, "--help").stdout
        assert "|".join(FORMATS) in shown.replace("\n", "").replace(" ", ""), command
    done = secpat("check", str(VULNERABLE), "--format", "xml")
    assert done.returncode == 2 and "'xml' is not one of" in done.stderr


# -- probe: its log stays out of reports a program reads ------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving one page with a form; stopped after the module."""
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(
        '<html><body><form method="post" action="/save"><input name="a"></form></body></html>', encoding="utf-8"
    )
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  (the base class's name)
        pass


def _parses(fmt: str, report: str) -> None:
    if fmt == "junit":
        assert junit_errors(report) == []
    elif fmt == "gitlab":
        assert gitlab_errors(report) == []
    elif fmt in ("json", "sarif"):
        json.loads(report)
    elif fmt == "html":
        assert report.startswith("<!DOCTYPE html>")
    else:  # concise: findings and the summary line, nothing of the log
        assert all(":" in line for line in report.splitlines()), report


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "text"])
def test_probe_keeps_its_log_out_of_every_machine_format(site: str, fmt: str, tmp_path: Path) -> None:
    done = secpat("probe", site, "--format", fmt)
    assert done.returncode == 1, done.stderr  # the page lacks security headers (CONF104)
    assert "Probe of" not in done.stdout and "Requests sent" not in done.stdout
    _parses(fmt, done.stdout)
    assert f"Probe of {site}" in done.stderr and "Requests sent" in done.stderr
    # -q: nothing on stderr; -o: the file holds the report alone, as stdout did.
    out = tmp_path / "report"
    done = secpat("probe", site, "--format", fmt, "-q", "-o", str(out))
    assert done.returncode == 1 and done.stderr == "" and done.stdout == ""
    _parses(fmt, out.read_text(encoding="utf-8"))


def test_probe_text_report_still_holds_its_log(site: str) -> None:
    done = secpat("probe", site)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"Probe of {site}\n") and "Release checklist" in done.stdout
    assert done.stderr == ""


def test_probe_gitlab_issues_name_the_url(site: str) -> None:
    done = secpat("probe", site, "--format", "gitlab", "-q")
    paths = {issue["location"]["path"] for issue in json.loads(done.stdout)}
    # The page's missing CSRF token is reported at the page; every issue names a full URL of the site.
    assert f"{site}/" in paths, paths
    assert all(path.startswith(f"{site}/") for path in paths), paths
