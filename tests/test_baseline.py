"""Baseline files: deterministic output, line-independent matching, counting, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from secpat.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    filter_new,
    load_baseline,
    render_baseline,
    write_baseline,
)
from secpat.findings import Confidence, Finding, Location, Severity


def document_with(**entry: object) -> dict[str, object]:
    return {"version": 1, "tool": "secpat", "findings": [{"rule": "R", "path": "a", "fingerprint": "f", **entry}]}


def finding(
    line: int = 10,
    rule: str = "RND001",
    path: str = "app/views.py",
    snippet: str = "token = random.random()",
    context: str = "make_token",
    message: str = "value from `random` used as a token",
) -> Finding:
    return Finding(
        rule_id=rule,
        location=Location(path, line, 4),
        message=message,
        severity=Severity.HIGH,
        confidence=Confidence.HIGH,
        snippet=snippet,
        context=context,
    )


FINDINGS = [
    finding(10),
    finding(30, snippet="code = random.randint(0, 999999)", context="reset_password"),
    finding(5, rule="PWD002", path="app/auth.py", snippet="h = hashlib.md5(pw).hexdigest()", context="store"),
    finding(12, rule="SECRET001", path="settings.py", snippet='SECRET_KEY = "…"', context=""),
    finding(40),  # the same code twice in one function: counted
]


def test_file_format(tmp_path: Path) -> None:
    target = tmp_path / "secpat-baseline.json"
    assert write_baseline(FINDINGS, target) == 5
    text = target.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    document = json.loads(text)
    assert list(document) == ["version", "tool", "findings"]
    assert document["version"] == 1
    assert document["tool"] == "secpat"
    entries = document["findings"]
    assert all(list(e) == ["rule", "path", "fingerprint", "count", "message"] for e in entries)
    assert [(e["rule"], e["path"], e["fingerprint"]) for e in entries] == sorted(
        (e["rule"], e["path"], e["fingerprint"]) for e in entries
    )
    assert [e["count"] for e in entries if e["fingerprint"] == FINDINGS[0].fingerprint] == [2]
    assert len(entries) == 4


def test_no_line_numbers_or_timestamps() -> None:
    text = render_baseline(FINDINGS)
    assert '"line"' not in text
    assert "time" not in text
    for f in FINDINGS:
        assert f'"{f.location.line}"' not in text


def test_byte_identical_across_runs_and_input_order(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_baseline(FINDINGS, first)
    write_baseline(list(reversed(FINDINGS)), second)
    assert first.read_bytes() == second.read_bytes()
    write_baseline(FINDINGS, first)  # overwriting gives the same bytes too
    assert first.read_bytes() == second.read_bytes()


def test_unchanged_code_that_moved_gives_the_same_file() -> None:
    moved = [finding(f.location.line + 17, f.rule_id, f.location.path, f.snippet, f.context) for f in FINDINGS]
    assert render_baseline(moved) == render_baseline(FINDINGS)


def test_message_choice_does_not_depend_on_order() -> None:
    a = finding(1, message="b message")
    b = finding(2, message="a message")
    assert render_baseline([a, b]) == render_baseline([b, a])
    assert json.loads(render_baseline([a, b]))["findings"][0]["message"] == "a message"


def test_empty_baseline(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    assert write_baseline([], target) == 0
    assert target.read_text() == '{\n  "version": 1,\n  "tool": "secpat",\n  "findings": []\n}\n'
    assert len(load_baseline(target)) == 0


def test_write_creates_parent_directories(tmp_path: Path) -> None:
    target = tmp_path / "ci" / "secpat" / "baseline.json"
    write_baseline(FINDINGS, target)
    assert target.is_file()
    assert [p.name for p in target.parent.iterdir()] == ["baseline.json"]  # no temp file left behind


def test_write_error_is_a_baseline_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BaselineError, match="cannot write baseline"):
        write_baseline(FINDINGS, blocker / "baseline.json")


def test_round_trip_accepts_everything(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    write_baseline(FINDINGS, target)
    baseline = load_baseline(target)
    assert baseline.source == target
    assert len(baseline) == 5
    assert filter_new(FINDINGS, baseline) == ([], 5)


def test_finding_survives_a_line_shift(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    write_baseline([finding(10)], target)
    shifted = finding(57)  # code added above it
    assert shifted.fingerprint == finding(10).fingerprint
    assert filter_new([shifted], load_baseline(target)) == ([], 1)


def test_changed_code_is_new(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    write_baseline([finding(10)], target)
    changed = finding(10, snippet="token = random.random() * 10")
    assert filter_new([changed], load_baseline(target)) == ([changed], 0)


def test_same_code_in_another_function_or_file_is_new(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    write_baseline([finding(10)], target)
    elsewhere = [finding(10, context="make_invite"), finding(10, path="app/api.py"), finding(10, rule="RND002")]
    assert filter_new(elsewhere, load_baseline(target)) == (elsewhere, 0)


def test_whitespace_changes_keep_the_match(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    write_baseline([finding(10, snippet="token = make(random.random(), 32)")], target)
    reformatted = finding(10, snippet="token  =  make(random.random(),\t32)")
    assert filter_new([reformatted], load_baseline(target)) == ([], 1)


def test_multiset_one_more_than_accepted_is_new() -> None:
    baseline = Baseline((BaselineEntry("RND001", "app/views.py", finding().fingerprint, count=2),))
    now = [finding(10), finding(20), finding(30)]
    new, matched = filter_new(now, baseline)
    assert matched == 2
    assert new == [finding(30)]  # the later one is reported


def test_multiset_fewer_than_accepted_is_all_matched() -> None:
    baseline = Baseline((BaselineEntry("RND001", "app/views.py", finding().fingerprint, count=3),))
    assert filter_new([finding(10)], baseline) == ([], 1)


def test_new_findings_keep_input_order() -> None:
    baseline = Baseline((BaselineEntry("RND001", "app/views.py", finding().fingerprint, count=1),))
    other = finding(1, rule="PWD002")
    new, matched = filter_new([finding(30), other, finding(10)], baseline)
    assert (new, matched) == ([finding(30), other], 1)


def test_duplicate_entries_add_up(tmp_path: Path) -> None:
    fp = finding().fingerprint
    entry = {"rule": "RND001", "path": "app/views.py", "fingerprint": fp, "count": 1, "message": ""}
    target = tmp_path / "b.json"
    target.write_text(json.dumps({"version": 1, "tool": "secpat", "findings": [entry, entry]}))
    assert filter_new([finding(1), finding(2)], load_baseline(target)) == ([], 2)


def test_count_and_message_are_optional(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    entry = {"rule": "RND001", "path": "app/views.py", "fingerprint": finding().fingerprint}
    target.write_text(json.dumps({"version": 1, "tool": "secpat", "findings": [entry]}))
    (loaded,) = load_baseline(target).entries
    assert (loaded.count, loaded.message) == (1, "")


# --- errors ------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match=r"baseline file not found; create it with `secpat baseline`"):
        load_baseline(tmp_path / "nope.json")


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text('{\n  "version": 1,\n  "tool": "secpat"\n  "findings": []\n}\n')
    with pytest.raises(BaselineError, match=rf"^{target}:4:3: baseline is not valid JSON"):
        load_baseline(target)


def test_merge_conflict_markers_are_explained(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_text('{\n<<<<<<< HEAD\n  "version": 1,\n=======\n>>>>>>> topic\n}\n')
    with pytest.raises(BaselineError, match="conflict markers"):
        load_baseline(target)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([], "not a secpat baseline"),
        ({"version": 1, "findings": []}, "not a secpat baseline"),
        ({"version": 2, "tool": "secpat", "findings": []}, "baseline version 2 is not supported"),
        ({"tool": "secpat", "findings": []}, "baseline version None is not supported"),
        ({"version": 1, "tool": "secpat", "findings": {}}, '"findings" must be a list'),
        ({"version": 1, "tool": "secpat", "findings": ["x"]}, r"findings\[0\]: expected an object"),
        (
            {"version": 1, "tool": "secpat", "findings": [{"rule": "RND001", "path": "a.py"}]},
            r'findings\[0\]: "fingerprint" must be a non-empty string',
        ),
        (document_with(count=0), '"count" must be a positive integer'),
        (document_with(count="2"), '"count" must be a positive integer'),
        (document_with(message=3), '"message" must be a string'),
    ],
)
def test_invalid_documents(tmp_path: Path, document: object, expected: str) -> None:
    target = tmp_path / "b.json"
    target.write_text(json.dumps(document))
    with pytest.raises(BaselineError, match=expected) as info:
        load_baseline(target)
    assert str(info.value).startswith(str(target))


def test_binary_file(tmp_path: Path) -> None:
    target = tmp_path / "b.json"
    target.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BaselineError, match="not UTF-8"):
        load_baseline(target)


# --- no churn: line-free messages, file mode, `baseline --update` --------------------------------


@pytest.mark.parametrize(
    ("message", "stored"),
    [
        ("named `token` (line 53) is written by `logger.info()`", "named `token` is written by `logger.info()`"),
        (
            "login endpoint POST /login (app/views.py:12) has no limit",
            "login endpoint POST /login (app/views.py) has no limit",
        ),
        ("set at line 7 and used here", "set at line and used here"),
        ("no numbers here", "no numbers here"),
    ],
)
def test_stored_messages_carry_no_line_numbers(message: str, stored: str) -> None:
    text = render_baseline([finding(message=message)])
    assert json.loads(text)["findings"][0]["message"] == stored


def test_a_shift_of_two_lines_changes_no_byte() -> None:
    before = [finding(10, message="named `token` (line 9) is logged"), finding(30, context="other")]
    after = [finding(12, message="named `token` (line 11) is logged"), finding(32, context="other")]
    assert render_baseline(before) == render_baseline(after)


def test_new_baseline_file_is_world_readable(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(FINDINGS, path)
    assert path.stat().st_mode & 0o777 == 0o644


def _run_baseline(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "secpat", "baseline", ".", "--no-cache", "-q", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


UPDATE_APP = """\
import random


def reset_code():
    return str(random.randint(100000, 999999))


def session_id():
    return str(random.random())


def api_token():
    return str(random.getrandbits(64))
"""


def test_update_drops_fixed_findings_keeps_order_and_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the project root
    app = tmp_path / "app.py"
    app.write_text(UPDATE_APP, encoding="utf-8")
    done = _run_baseline(tmp_path)
    assert done.returncode == 0, done.stderr
    baseline_file = tmp_path / ".secpat-baseline.json"
    first = json.loads(baseline_file.read_text(encoding="utf-8"))["findings"]
    assert len(first) == 3
    # Entries in an order a person chose (reversed): an update must keep it.
    document = json.loads(baseline_file.read_text(encoding="utf-8"))
    document["findings"] = list(reversed(first))
    baseline_file.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    # Fix session_id, shift the rest down two lines and add a new finding.
    app.write_text(
        "\n\n"
        + UPDATE_APP.replace("str(random.random())", "secrets.token_hex(16)")
        + "\n\ndef csrf_token():\n    return str(random.random())\n",
        encoding="utf-8",
    )
    done = _run_baseline(tmp_path, "--update")
    assert done.returncode == 0, done.stderr
    assert "2 finding(s) kept, 1 fixed and dropped; 1 new finding(s) not added" in done.stderr
    updated = json.loads(baseline_file.read_text(encoding="utf-8"))["findings"]
    kept = [entry for entry in reversed(first) if "session_id" not in entry["message"]]
    assert updated == kept
    assert baseline_file.stat().st_mode & 0o777 == 0o644


def test_update_needs_an_existing_baseline(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("x = 1\n", encoding="utf-8")
    done = _run_baseline(tmp_path, "--update")
    assert done.returncode == 2
    assert "baseline file not found" in done.stderr


def test_checklist_does_not_pass_a_box_whose_findings_the_baseline_accepted(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "app.py").write_text(UPDATE_APP, encoding="utf-8")
    assert _run_baseline(tmp_path).returncode == 0
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "secpat",
            "check",
            ".",
            "--no-cache",
            "-q",
            "--format",
            "json",
            "--baseline",
            ".secpat-baseline.json",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["findings"] == []
    random_box = next(row for row in report["checklist"] if row["pattern"] == 1)
    assert random_box["state"] == "hidden", random_box
    assert "accepted by the baseline" in random_box["reason"]
