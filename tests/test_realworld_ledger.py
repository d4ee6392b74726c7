"""The real-code benchmark's ledger is well formed, and findings are matched to it by text, not line."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REALWORLD = Path(__file__).resolve().parent.parent / "bench" / "realworld"
sys.path.insert(0, str(REALWORLD))

import ledger  # noqa: E402
import run  # noqa: E402

PROJECTS = run.load_projects(REALWORLD / "projects.toml")
PINNED = {p.name: p.version for p in PROJECTS}


FIRST_TEN = {
    "fastapi-users",
    "wagtail",
    "django-oscar",
    "flask-appbuilder",
    "flask-admin",
    "django-allauth",
    "pretix",
    "label-studio",
    "mlflow",
    "apache-superset",
}


def test_projects_file_lists_the_pinned_projects():
    assert FIRST_TEN <= set(PINNED)
    assert len(PINNED) >= 23
    assert PINNED["apache-superset"] == "6.1.0"
    scans = {p.name: p.scan for p in PROJECTS}
    assert scans.pop("apache-superset") == "superset"
    assert scans.pop("gradio") == "gradio"
    assert set(scans.values()) == {"."}


def test_every_ledger_line_is_a_complete_verdict():
    lines = (REALWORLD / "ledger.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 372
    for number, raw in enumerate(lines, start=1):
        entry = json.loads(raw)
        assert ledger.validate_entry(entry, PINNED) == [], f"ledger.jsonl:{number}"
        assert entry["verdict"] in {"TP", "FP", "DEB"}
        assert entry["reason"].strip(), f"ledger.jsonl:{number} has no reason"
        assert entry["version"] == PINNED[entry["project"]], f"ledger.jsonl:{number} is for another version"
    entries = ledger.load(REALWORLD / "ledger.jsonl", PINNED)
    ledger.index(entries)  # raises if one key carries two different verdicts


def test_validate_names_each_problem():
    good = {
        "project": "pretix",
        "version": "2026.8.0",
        "path": "a.py",
        "rule": "XSS004",
        "code": "x",
        "verdict": "FP",
        "cause": "",
        "reason": "escaped upstream",
    }
    assert ledger.validate_entry(good, PINNED) == []
    assert ledger.validate_entry({**good, "verdict": "maybe"}, PINNED) == ["verdict 'maybe' is not one of TP, FP, DEB"]
    assert ledger.validate_entry({**good, "reason": "  "}, PINNED) == ["field 'reason' is empty"]
    assert ledger.validate_entry({**good, "project": "django"}, PINNED) == ["project 'django' is not in projects.toml"]
    missing = dict(good)
    del missing["cause"]
    assert ledger.validate_entry(missing, PINNED) == ["missing field 'cause'"]


def test_load_reports_the_bad_line(tmp_path):
    path = tmp_path / "ledger.jsonl"
    good = {
        "project": "pretix",
        "version": "2026.8.0",
        "path": "a.py",
        "rule": "XSS004",
        "code": "x",
        "verdict": "FP",
        "cause": "",
        "reason": "r",
    }
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "verdict": ""}) + "\n", encoding="utf-8")
    with pytest.raises(ledger.LedgerError, match=r"ledger.jsonl:2: verdict '' is not one of"):
        ledger.load(path, PINNED)


def _finding(path: str, line: int, rule: str, snippet: str) -> dict:
    return {"path": path, "line": line, "rule_id": rule, "snippet": snippet}


def test_match_is_by_text_not_line():
    entry = {
        "project": "wagtail",
        "version": "8.0.1",
        "path": "w/t.html",
        "line": 17,
        "rule": "XSS004",
        "code": "{{ column.strip|safe|linebreaksbr }}",
        "verdict": "DEB",
        "cause": "",
        "reason": "r",
    }
    index = ledger.index([entry])
    moved = _finding("w/t.html", 41, "XSS004", "{{  column.strip|safe|linebreaksbr }}\n")
    other_rule = _finding("w/t.html", 17, "XSS002", "{{ column.strip|safe|linebreaksbr }}")
    other_file = _finding("w/u.html", 17, "XSS004", "{{ column.strip|safe|linebreaksbr }}")
    other_text = _finding("w/t.html", 17, "XSS004", "{{ row|safe }}")
    pairs = ledger.match("wagtail", [moved, other_rule, other_file, other_text], index)
    assert [e is entry for _, e in pairs] == [True, False, False, False]
    assert ledger.match("pretix", [moved], index) == [(moved, None)]


def test_findings_sharing_a_text_get_the_reason_written_nearest_them():
    base = {"project": "lnbits", "version": "1", "path": "a.py", "rule": "LOG003", "code": "raise E(str(exc))"}
    uninstall = {**base, "line": 716, "verdict": "FP", "cause": "", "reason": "admin-only uninstall"}
    release = {**base, "line": 869, "verdict": "FP", "cause": "", "reason": "GitHub fetch error"}
    index = ledger.index([uninstall, release])
    found = [_finding("a.py", line, "LOG003", "raise  E(str(exc))") for line in (717, 870, 2000)]
    assert [e["reason"] for _, e in ledger.match("lnbits", found, index)] == [
        "admin-only uninstall",
        "GitHub fetch error",
        "GitHub fetch error",
    ]


def test_conflicting_verdicts_for_one_key_are_refused():
    a = {
        "project": "pretix",
        "version": "2026.8.0",
        "path": "a.py",
        "rule": "SQL001",
        "code": "cur.execute(q)",
        "verdict": "FP",
        "cause": "",
        "reason": "r",
    }
    ledger.index([a, {**a, "line": 9}])  # the same verdict twice is fine
    with pytest.raises(ledger.LedgerError, match="conflicting verdicts FP and TP"):
        ledger.index([a, {**a, "code": "  cur.execute(q)\n", "verdict": "TP"}])


def test_findings_sharing_a_text_may_carry_their_own_verdicts_by_line():
    base = {"project": "pgadmin4", "version": "1", "path": "v.py", "rule": "CSRF002", "code": "@csrf.exempt"}
    otp = {**base, "line": 90, "verdict": "FP", "cause": "", "reason": "needs the one-time code"}
    register = {**base, "line": 310, "verdict": "TP", "cause": "", "reason": "removes an MFA method"}
    index = ledger.index([otp, register])
    found = [_finding("v.py", line, "CSRF002", "@csrf.exempt") for line in (91, 312)]
    assert [e["verdict"] for _, e in ledger.match("pgadmin4", found, index)] == ["FP", "TP"]


def test_gate_counts_debatable_as_false_and_checks_busy_rules():
    rules = [
        run.row("XSS004", run.Counter(findings=10, TP=7, DEB=2, FP=1)),  # 70 %: below the 80 % bar
        run.row("SQL001", run.Counter(findings=5, TP=1, FP=4)),  # five findings: not gated
    ]
    total = run.row("TOTAL", run.Counter(findings=15, TP=8, DEB=2, FP=5))
    assert rules[0]["precision"] == pytest.approx(0.7)
    assert rules[0]["precision_deb_true"] == pytest.approx(0.9)
    failures = run.gate_failures(rules, total, 0.5)
    assert len(failures) == 1 and failures[0].startswith("XSS004")
    assert len(run.gate_failures(rules, total, 0.6)) == 2


def test_unpacking_refuses_members_outside_the_target(tmp_path):
    evil = tmp_path / "evil.tar.gz"
    payload = tmp_path / "payload.txt"
    payload.write_text("x")
    with tarfile.open(evil, "w:gz") as tf:
        tf.add(payload, arcname="pkg-1.0/../../escaped.txt")
    with pytest.raises(run.Failure, match="refusing member outside the target"):
        run.safe_extract(evil, tmp_path / "out")
    assert not (tmp_path / "escaped.txt").exists()


def test_unpacking_skips_links(tmp_path):
    archive = tmp_path / "pkg.tar.gz"
    (tmp_path / "pkg-1.0").mkdir()
    (tmp_path / "pkg-1.0" / "app.py").write_text("x = 1\n")
    (tmp_path / "pkg-1.0" / "link").symlink_to("/etc/passwd")
    with tarfile.open(archive, "w:gz") as tf:
        tf.add(tmp_path / "pkg-1.0", arcname="pkg-1.0")
    out = tmp_path / "out"
    out.mkdir()
    assert run.safe_extract(archive, out) == 1
    assert (out / "pkg-1.0" / "app.py").read_text() == "x = 1\n"
    assert not (out / "pkg-1.0" / "link").exists()


def test_unknown_project_is_a_clear_error():
    res = subprocess.run(
        [sys.executable, str(REALWORLD / "run.py"), "--projects", "nosuch"], capture_output=True, text=True
    )
    assert res.returncode == 2
    assert "unknown project(s): nosuch" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_true_finding_that_matches_nothing_is_missed():
    base = {"project": "zou", "version": "1", "path": "a.py", "line": 5, "cause": "", "reason": "r"}
    kept = {**base, "rule": "PWD004", "code": "if a != b:", "verdict": "TP"}
    lost = {**base, "rule": "LOG001", "code": "log.debug(t)", "verdict": "TP"}
    gone_fp = {**base, "rule": "XSS001", "code": "return x", "verdict": "FP"}
    matched = {ledger.entry_key(kept)}
    assert run.missed_true_findings([kept, lost, gone_fp, dict(lost, line=9)], matched) == [lost]
