"""Reporters: golden files for text and JSON, SARIF against the OASIS schema, the checklist."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import re
from pathlib import Path

import jsonschema
import pytest

from secpat import __version__
from secpat.findings import Confidence, Finding, FlowStep, Location, Notice, NoticeKind, ScanResult, Severity
from secpat.report import FORMATS, checklist, render, sarif, text
from secpat.report import json as json_report
from secpat.report.checklist import CheckState
from secpat.rules.registry import Rule

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
DOCS = HERE.parent / "docs"
REGEN = os.environ.get("SECPAT_REGEN_GOLDEN") == "1"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _rule(id: str, name: str, pattern: int, severity: Severity, cwe: int, **kw: object) -> Rule:
    return Rule(
        id=id,
        name=name,
        pattern=pattern,
        title=kw.pop("title", name.replace("-", " ").capitalize()),
        severity=severity,
        confidence=kw.pop("confidence", Confidence.HIGH),
        cwe=cwe,
        why=kw.pop("why", f"Why {id} matters. A second sentence that the terminal leaves out."),
        bad=kw.pop("bad", "bad()"),
        good=kw.pop("good", "good()"),
        fix=kw.pop("fix", f"Fix {id}."),
        **kw,
    )


RULES = {
    r.id: r
    for r in (
        _rule(
            "RND001",
            "insecure-random-for-secret",
            1,
            Severity.HIGH,
            338,
            title="Security value from the random module",
            why="""
                The `random` module is a Mersenne Twister: its output can be predicted
                from a few hundred values. Tokens and codes built from it can be guessed.
            """,
            bad="reset_code = random.randint(100000, 999999)",
            good="reset_code = secrets.randbelow(1_000_000)",
            fix="Use the `secrets` module for every security value.",
        ),
        _rule(
            "PWD001",
            "fast-hash-for-password",
            2,
            Severity.HIGH,
            916,
            why="A fast hash lets an attacker try billions of passwords a second.",
            fix="""
                Hash passwords with Argon2 or bcrypt:
                    ph = argon2.PasswordHasher(); ph.hash(password)
            """,
        ),
        _rule("JWT001", "jwt-without-expiry", 3, Severity.MEDIUM, 613),
        _rule(
            "SQL001",
            "sql-built-from-input",
            4,
            Severity.HIGH,
            89,
            why="Request input pasted into SQL lets the sender rewrite the query.",
            bad="cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")",
            good='cur.execute("SELECT * FROM users WHERE name = %s", (name,))',
            fix="Pass values as bound parameters.",
        ),
        _rule("LOG001", "secret-in-log", 8, Severity.MEDIUM, 532, confidence=Confidence.MEDIUM),
        _rule("SPT001", "ignore-without-reason", 0, Severity.LOW, 0, kind="meta"),
    )
}


def _finding(rule_id: str, path: str, line: int, col: int, message: str, **kw: object) -> Finding:
    rule = RULES.get(rule_id)
    return Finding(
        rule_id=rule_id,
        location=Location(path, line, col, kw.pop("end_line", None), kw.pop("end_col", None)),
        message=message,
        severity=kw.pop("severity", rule.severity if rule else Severity.HIGH),
        confidence=kw.pop("confidence", rule.confidence if rule else Confidence.HIGH),
        **kw,
    )


FINDINGS = [
    _finding(
        "RND001",
        "app/auth.py",
        12,
        17,
        "reset code built with random.randint",
        snippet="reset_code = random.randint(100000, 999999)",
        context="send_reset",
    ),
    _finding(
        "SQL001",
        "app/views.py",
        10,
        4,
        'query built from request.args["name"]',
        end_line=10,
        end_col=62,
        snippet="cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")",
        context="search",
        flow=(
            FlowStep(Location("app/views.py", 8, 11), 'request input request.args["name"]'),
            FlowStep(Location("app/views.py", 9, 4), "formatted into an f-string"),
            FlowStep(Location("app/views.py", 10, 4), "executed by cursor.execute"),
        ),
    ),
    _finding(
        "PWD001",
        "app/models.py",
        20,
        15,
        "password hashed with MD5",
        confidence=Confidence.MEDIUM,
        cwe=328,  # more specific than the rule's CWE-916
        snippet="digest = hashlib.md5(password.encode()).hexdigest()",
        extra=(("algorithm", "md5"),),
    ),
    _finding(
        "LOG001",
        "app/views.py",
        30,
        8,
        "password written to the log",
        snippet='logger.info("[bold]login[/bold] %s", password)',
    ),
    _finding("SPT001", "app/views.py", 5, 7, "suppression without a reason", snippet="x = 1  # secpat: ignore"),
    # A rule record that was not passed in: still grouped under its pattern by the id prefix.
    _finding("XSS001", "templates/page.html", 4, 2, "value rendered with |safe", snippet="{{ bio|safe }}"),
]

NOTICES = [
    Notice("app/broken.py", NoticeKind.SYNTAX_ERROR, "invalid syntax", line=3),
    Notice("static/logo.png", NoticeKind.BINARY, "binary file skipped"),
    Notice("templates/old.html", NoticeKind.FALLBACK_PARSER, "parsed with the fallback template parser"),
]


def _result(**changes: object) -> ScanResult:
    base = ScanResult(
        findings=list(FINDINGS),
        notices=list(NOTICES),
        files_scanned=12,
        suppressed=2,
        baselined=1,
        root="/srv/app",
        command="check",
        patterns_checked=frozenset({1, 2, 3, 4, 5, 6, 8}),
        duration_s=0.4234,
        # No JWT library seen: box 3 has nothing to check; box 6 only has a finding hidden by an option.
        uses=frozenset({"random", "hashing", "database", "html", "web", "logging", "files"}),
        hidden=(("CSRF003", "min-confidence"),),
    )
    return dataclasses.replace(base, **changes)


def _check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; SECPAT_REGEN_GOLDEN=1 rewrites it"


# --- text ---------------------------------------------------------------------------------


def test_text_matches_golden() -> None:
    _check_golden("report.txt", text.render(_result(), RULES))


def test_plain_text_is_clean() -> None:
    out = text.render(_result(), RULES)
    assert "\x1b" not in out
    assert out.isascii()
    assert all(line == line.rstrip() for line in out.splitlines())
    # Brackets in messages and code are printed as they are, never read as markup.
    assert 'logger.info("[bold]login[/bold] %s", password)' in out
    assert '[high severity, high confidence]  query built from request.args["name"]' in out


def test_colored_text_reads_the_same_without_its_colors() -> None:
    colored = text.render(_result(), RULES, color=True)
    assert "\x1b[" in colored
    assert ANSI.sub("", colored) == text.render(_result(), RULES)


def test_text_without_findings_or_notices() -> None:
    out = text.render(ScanResult(files_scanned=1, patterns_checked=frozenset({1})), RULES)
    assert out.startswith("0 findings: 0 high, 0 medium, 0 low; 1 file scanned;")
    assert "[x]  1. Secure random generation" in out
    assert "Notices" not in out


def test_audit_findings_keep_their_label() -> None:
    finding = dataclasses.replace(FINDINGS[0], audit=True)
    out = text.render(_result(findings=[finding]), RULES)
    assert "RND001  [high severity, high confidence]  [audit] reset code built with random.randint" in out
    concise = text.render_concise(_result(findings=[finding], notices=[]), RULES)
    assert concise.splitlines()[0] == "app/auth.py:12:18: RND001 [high] [audit] reset code built with random.randint"


def test_concise_lists_findings_then_notices_then_the_summary() -> None:
    lines = text.render_concise(_result(), RULES).splitlines()
    assert len(lines) == len(FINDINGS) + len(NOTICES) + 1
    assert lines[0] == "app/auth.py:12:18: RND001 [high] reset code built with random.randint"
    assert "app/broken.py:3: notice syntax-error invalid syntax" in lines
    assert lines[-1].startswith("6 findings: 4 high, 1 medium, 1 low;")


def test_first_sentence() -> None:
    assert text.first_sentence("One line.\n  Two. Three.") == "One line."
    assert text.first_sentence("No full stop") == "No full stop"
    assert text.first_sentence("Uses `random.random()`. Then more.") == "Uses `random.random()`."


# --- JSON ---------------------------------------------------------------------------------


def _json_for_golden(result: ScanResult) -> str:
    doc = json.loads(json_report.render(result, RULES))
    doc["tool"]["version"] = "<version>"  # a release must not invalidate the golden file
    return json.dumps(doc, indent=2) + "\n"


def test_json_matches_golden() -> None:
    _check_golden("report.json", _json_for_golden(_result()))


def test_json_fields() -> None:
    doc = json.loads(json_report.render(_result(), RULES, fail_on=Severity.MEDIUM))
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "secpat", "version": __version__}
    assert doc["summary"]["by_severity"] == {"high": 4, "medium": 1, "low": 1}
    assert doc["summary"]["failing"] == 5
    assert doc["summary"]["blocking_notices"] == 1
    pwd = next(f for f in doc["findings"] if f["rule_id"] == "PWD001")
    assert (pwd["cwe"], pwd["col"], pwd["confidence"]) == (328, 16, "medium")
    unknown = next(f for f in doc["findings"] if f["rule_id"] == "XSS001")
    assert (unknown["pattern"], unknown["rule_name"], unknown["fix"]) == (5, None, None)


def _json_key_paths(value: object, path: str, into: dict[str, set[str]]) -> None:
    if isinstance(value, dict):
        into.setdefault(path, set()).update(value)
        for key, child in value.items():
            if f"{path}.{key}".lstrip(".") not in FREE_FORM:
                _json_key_paths(child, f"{path}.{key}".lstrip("."), into)
    elif isinstance(value, list):
        for item in value:
            _json_key_paths(item, f"{path}[]", into)


FREE_FORM = {"findings[].extra"}  # keys chosen by each rule


def _documented_keys() -> dict[str, set[str]]:
    """Keys per object in docs/json-output.md: a `## `path`` heading, then a table of `key` rows."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in (DOCS / "json-output.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = re.search(r"`([^`]+)`", line)
            current = "" if "Top level" in line else heading.group(1) if heading else None
        elif current is not None and (row := re.match(r"\|\s*`([^`]+)`\s*\|", line)):
            sections.setdefault(current, set()).add(row.group(1))
    return sections


def test_every_json_key_is_documented_and_every_documented_key_exists() -> None:
    emitted: dict[str, set[str]] = {}
    _json_key_paths(json.loads(json_report.render(_result(), RULES, statistics=True)), "", emitted)
    assert _documented_keys() == emitted


def test_statistics_only_when_asked() -> None:
    assert "statistics" not in json.loads(json_report.render(_result(), RULES))


# --- SARIF --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return json.loads((HERE / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def _sarif_errors(schema: dict, log: dict) -> list[str]:
    # The OASIS schema declares draft-04; check with that validator and with Draft 7.
    errors = []
    for validator in (jsonschema.validators.validator_for(schema), jsonschema.Draft7Validator):
        validator.check_schema(schema)
        errors += [f"{list(e.absolute_path)}: {e.message}" for e in validator(schema).iter_errors(log)]
    return errors


@pytest.mark.parametrize(
    "result",
    [
        _result(),
        _result(findings=[], notices=[], root="."),
        _result(findings=[_finding("RND001", "https://app.example/reset", 0, 0, "guessable reset token")]),
    ],
    ids=["findings-flow-cwe-notices", "empty", "url-without-region"],
)
def test_sarif_validates_against_the_oasis_schema(sarif_schema: dict, result: ScanResult) -> None:
    assert _sarif_errors(sarif_schema, json.loads(sarif.render(result, RULES))) == []


def test_sarif_rules_come_from_every_record() -> None:
    driver = sarif.document(_result(), RULES)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["RND001", "PWD001", "JWT001", "SQL001", "LOG001", "SPT001"]
    rnd = driver["rules"][0]
    assert rnd["shortDescription"]["text"] == "Security value from the random module"
    assert rnd["defaultConfiguration"]["level"] == "error"
    assert rnd["properties"] == {
        "tags": ["security", "CWE-338", "OWASP A02:2021", "Secure random generation"],
        "security-severity": "8.0",
        "precision": "high",
    }
    assert "reset_code = secrets.randbelow(1_000_000)" in rnd["help"]["markdown"]
    assert rnd["relationships"][0]["target"]["id"] == "338"
    log = driver["rules"][4]
    assert (log["defaultConfiguration"]["level"], log["properties"]["precision"]) == ("warning", "medium")
    assert log["properties"]["security-severity"] == "5.5"


def test_sarif_fingerprints_are_unique_for_findings_on_the_same_code() -> None:
    """Two `|safe` uses on one template line share rule, path and code: code scanning keeps one result per
    fingerprint, so the second gets an occurrence suffix, and the first keeps the baseline's fingerprint."""
    line = "Hello {{ user.first_name|safe }} {{ user.last_name|safe }}"
    same_line = [
        _finding("XSS004", "templates/mail.html", 1, col, f"`{name}|safe` writes the value unescaped", snippet=line)
        for col, name in ((9, "user.first_name"), (36, "user.last_name"))
    ]
    assert same_line[0].fingerprint == same_line[1].fingerprint
    run = sarif.document(_result(findings=[*FINDINGS, *same_line]), RULES)["runs"][0]
    prints = [r["partialFingerprints"]["secpat/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)
    assert same_line[0].fingerprint in prints
    assert f"{same_line[0].fingerprint}:2" in prints


def test_sarif_results() -> None:
    run = sarif.document(_result(), RULES)["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    sql = by_rule["SQL001"]
    assert sql["ruleIndex"] == 3
    assert sql["partialFingerprints"] == {"secpat/v1": FINDINGS[1].fingerprint}
    location = sql["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "app/views.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 10,
        "startColumn": 5,
        "endLine": 10,
        "endColumn": 63,
        "snippet": {"text": FINDINGS[1].snippet},
    }
    steps = sql["codeFlows"][0]["threadFlows"][0]["locations"]
    lines = [
        (s["location"]["physicalLocation"]["region"]["startLine"], s["location"]["message"]["text"]) for s in steps
    ]
    assert lines == [
        (8, 'request input request.args["name"]'),
        (9, "formatted into an f-string"),
        (10, "executed by cursor.execute"),
    ]
    assert "codeFlows" not in by_rule["RND001"]
    pwd = by_rule["PWD001"]
    assert pwd["properties"]["cwe"] == "CWE-328"
    taxa = run["taxonomies"][0]["taxa"]
    assert taxa[pwd["taxa"][0]["index"]]["id"] == "328"
    assert "cwe" not in by_rule["RND001"]["properties"] and "taxa" not in by_rule["RND001"]
    assert "ruleIndex" not in by_rule["XSS001"]
    assert run["originalUriBaseIds"]["%SRCROOT%"] == {"uri": "file:///srv/app/"}


def test_sarif_notices_become_notifications() -> None:
    invocation = sarif.document(_result(), RULES)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["properties"]["kind"]) for n in notes] == [
        ("error", "syntax-error"),
        ("warning", "binary"),
        ("note", "fallback-parser"),
    ]
    assert notes[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1}
    assert "region" not in notes[1]["locations"][0]["physicalLocation"]
    clean = sarif.document(_result(notices=NOTICES[1:]), RULES)["runs"][0]["invocations"][0]
    assert clean["executionSuccessful"] is True


# --- checklist ----------------------------------------------------------------------------


def test_checklist_states() -> None:
    rows = {row.pattern.number: row for row in checklist.build(_result(), RULES)}
    assert [n for n in rows] == list(range(1, 11))
    assert (rows[1].state, rows[1].findings) == (CheckState.FAILED, 1)
    assert (rows[2].state, rows[2].findings) == (CheckState.FAILED, 1)
    assert (rows[3].state, rows[3].findings, rows[3].reason) == (
        CheckState.NOTHING_TO_CHECK,
        0,
        "no JWT library in use",
    )
    assert (rows[5].state, rows[5].findings) == (CheckState.FAILED, 1)
    assert (rows[6].state, rows[6].reason) == (CheckState.HIDDEN, "1 finding below --min-confidence")
    assert (rows[10].state, rows[10].findings) == (CheckState.NOT_CHECKED, 0)
    # With a JWT library in use, the same empty box is a pass.
    with_jwt = checklist.build(_result(uses=frozenset({"jwt"})), RULES)
    assert (with_jwt[2].state, with_jwt[2].reason) == (CheckState.PASSED, "")
    # The meta finding (pattern 0) counts towards no box.
    assert sum(row.findings for row in rows.values()) == len(FINDINGS) - 1


def test_a_pattern_that_did_not_run_is_never_passed() -> None:
    rows = checklist.build(ScanResult(patterns_checked=frozenset()), RULES)
    assert {row.state for row in rows} == {CheckState.NOT_CHECKED}
    out = text.render(ScanResult(patterns_checked=frozenset({4})), RULES)
    assert "[-]  3. Secure JWT design" in out and "not checked" in out
    assert out.count("passed") == 1


def test_findings_fail_their_pattern_even_when_it_was_not_listed_as_checked() -> None:
    rows = checklist.build(_result(patterns_checked=frozenset()), RULES)
    assert rows[7].state is CheckState.FAILED and rows[7].findings == 1
    assert rows[2].state is CheckState.NOT_CHECKED


# --- determinism --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic_and_independent_of_input_order(fmt: str) -> None:
    first = render(fmt, _result(), RULES)
    assert render(fmt, _result(), RULES) == first
    shuffle = random.Random(7)
    for _ in range(5):
        findings, notices = list(FINDINGS), list(NOTICES)
        shuffle.shuffle(findings)
        shuffle.shuffle(notices)
        rules = dict(shuffle.sample(list(RULES.items()), len(RULES)))
        assert render(fmt, _result(findings=findings, notices=notices), rules) == first


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render("xml", _result(), RULES)


def test_a_finding_about_a_whole_file_or_url_has_no_position() -> None:
    finding = _finding("RND001", "https://app.example/reset", 0, 0, "guessable reset token")
    out = text.render(_result(findings=[finding], notices=[]), RULES)
    assert "\nhttps://app.example/reset  RND001  [high severity, high confidence]  guessable reset token\n" in out


def test_every_format_is_registered_by_the_module_named_for_it() -> None:
    import importlib

    from secpat.report import _MODULES, formats

    for fmt, module in _MODULES.items():
        importlib.import_module(f"secpat.report.{module}")
        assert fmt in formats.FORMATS
    assert set(formats.FORMATS) == set(FORMATS)
