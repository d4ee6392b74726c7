"""The real command line, run as a subprocess on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "vulnerable_app"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.json"

RESET = """\
import random


def start_reset(user):
    reset_code = random.randint(100000, 999999)
    user.reset_code = reset_code
"""


def secpat(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def findings(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int]]:
    doc = json.loads(result.stdout)
    return [(f["rule_id"], f["path"], f["line"]) for f in doc["findings"]]


# -- the bundled example -------------------------------------------------------------


def test_example_text_report_has_findings_and_checklist() -> None:
    result = secpat("check", str(EXAMPLE), "--no-cache")
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "RND001" in out and "PWD002" in out
    auth = (EXAMPLE / "app" / "auth.py").read_text().splitlines()
    line = next(n for n, text in enumerate(auth, start=1) if "random.choices" in text)
    assert f"auth.py:{line}" in out  # the session id drawn from `random`
    checklist = out[out.index("Release checklist") :].splitlines()[1:]
    assert len(checklist) == 10
    assert all(box.startswith("[ ]") and "failed" in box for box in checklist)  # every pattern is broken
    assert "Traceback" not in result.stderr


def test_example_json_parses_and_sarif_validates(tmp_path: Path) -> None:
    result = secpat("check", str(EXAMPLE), "--no-cache", "--format", "json")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    rules = {f["rule_id"] for f in doc["findings"]}
    assert {
        "RND001",
        "PWD002",
        "PWD004",
        "JWT001",
        "SQL002",
        "XSS001",
        "CSRF004",
        "RATE001",
        "LOG001",
        "SECRET003",
        "CONF001",
    } <= rules
    sarif_file = tmp_path / "out.sarif"
    result = secpat("check", str(EXAMPLE), "--no-cache", "--format", "sarif", "--output", str(sarif_file))
    assert result.returncode == 1 and result.stdout == ""
    sarif = json.loads(sarif_file.read_text())
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(sarif)
    run = sarif["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"RND001", "PWD005"}
    assert {r["ruleId"] for r in run["results"]} >= rules
    assert any("codeFlows" in r for r in run["results"])


# -- exit codes ------------------------------------------------------------------------


def test_exit_codes(tmp_path: Path) -> None:
    write(tmp_path / "clean", {"app.py": "import secrets\ntoken = secrets.token_urlsafe(32)\n"})
    write(tmp_path / "dirty", {"app.py": RESET})
    assert secpat("check", str(tmp_path / "clean"), "--no-cache").returncode == 0
    assert secpat("check", str(tmp_path / "dirty"), "--no-cache").returncode == 1
    # Report everything, fail only on what is above the bar.
    write(tmp_path / "medium", {"app.py": "import secrets\napi_key = secrets.token_hex(8)\n"})
    result = secpat("check", str(tmp_path / "medium"), "--no-cache", "--fail-on", "high")
    assert result.returncode == 0 and "RND003" in result.stdout
    assert secpat("check", str(tmp_path / "medium"), "--no-cache").returncode == 1
    result = secpat("check", str(tmp_path / "medium"), "--no-cache", "--report-level", "high")
    assert result.returncode == 0 and "RND003" not in result.stdout
    # Usage errors.
    assert secpat("check", str(tmp_path / "missing")).returncode == 2
    assert secpat("check", str(tmp_path / "dirty"), "--format", "xml").returncode == 2
    assert secpat("explain", "NOPE001").returncode == 2


def test_exit_zero_still_fails_on_unanalysable_files(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": RESET, "broken.py": "def f(:\n"})
    assert secpat("check", str(tmp_path), "--no-cache", "--exit-zero").returncode == 2
    # With the report in a file (or in JSON), the reason for the exit status is said on stderr.
    to_file = secpat("check", str(tmp_path), "--no-cache", "--exit-zero", "-f", "json", "-o", str(tmp_path / "r.json"))
    assert to_file.returncode == 2
    assert "1 file(s) could not be analysed (broken.py: syntax-error)" in to_file.stderr
    assert secpat("check", str(tmp_path), "--no-cache", "--exit-zero", "--keep-going").returncode == 0


# -- configuration ---------------------------------------------------------------------


def test_config_discovered_from_nested_directory(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.secpat]\nignore = ["RND001"]\n',
            "pkg/__init__.py": "",
            "pkg/deep/__init__.py": "",
            "pkg/deep/app.py": RESET,
        },
    )
    result = secpat("check", "pkg/deep", "--no-cache", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert findings(result) == []
    # The command line wins over the file.
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.secpat]\nreport-level = "high"\n',
            "pkg/deep/keys.py": "import secrets\napi_key = secrets.token_hex(8)\n",
        },
    )
    result = secpat("check", "pkg/deep", "--no-cache", "--format", "json", cwd=tmp_path)
    assert [rule for rule, _, _ in findings(result)] == ["RND001"]
    result = secpat("check", "pkg/deep", "--no-cache", "--format", "json", "--report-level", "low", cwd=tmp_path)
    assert sorted(rule for rule, _, _ in findings(result)) == ["RND001", "RND003"]


def test_broken_config_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.secpat]\nfail-on = \n", "app.py": RESET})
    result = secpat("check", str(tmp_path), "--no-cache")
    assert result.returncode == 2
    assert "pyproject.toml" in result.stderr and "Traceback" not in result.stderr
    write(tmp_path, {"pyproject.toml": '[tool.secpat]\nfail-level = "high"\n'})
    result = secpat("check", str(tmp_path), "--no-cache")
    assert result.returncode == 2 and "fail-on" in result.stderr


def test_tests_policy_and_per_path_ignores(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.secpat]\n[tool.secpat.per-path-ignores]\n"scripts/**" = ["RND"]\n',
            "tests/test_reset.py": RESET,
            "scripts/seed.py": RESET,
            "app.py": RESET,
        },
    )
    result = secpat("check", str(tmp_path), "--no-cache", "--format", "json")
    assert [(rule, path) for rule, path, _ in findings(result)] == [("RND001", "app.py")]


# -- suppression -----------------------------------------------------------------------


def test_suppression_on_any_line_of_a_multiline_statement(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": """\
        import random


        def a(user):
            user.reset_code = str(  # secpat: ignore[RND001] demo fixture data
                random.randint(0, 9)
            )


        def b(user):
            user.reset_code = str(
                random.randint(0, 9)
            )  # secpat: ignore[insecure-random-for-secret] demo fixture data


        def c(user):
            # secpat: ignore[RND001] demo fixture data
            user.reset_code = str(random.randint(0, 9))


        def d(user):
            user.reset_code = str(random.randint(0, 9))  # secpat: ignore[RND001]


        def e(user):
            user.email = "x"  # secpat: ignore[RND001] nothing to suppress here
        """
        },
    )
    result = secpat("check", str(tmp_path), "--no-cache", "--format", "json")
    got = sorted((rule, line) for rule, _, line in findings(result))
    assert got == [("SPT001", 22), ("SPT002", 26)]
    assert json.loads(result.stdout)["summary"]["suppressed"] == 4


# -- baseline --------------------------------------------------------------------------


def test_baseline_survives_a_line_shift_and_reports_only_new(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": RESET})
    baseline = tmp_path / "baseline.json"
    assert secpat("baseline", str(tmp_path), "--no-cache", "--output", str(baseline)).returncode == 0
    text = baseline.read_text()
    assert '"line"' not in text and "RND001" in text
    # Code above moves, the statement is reformatted: still matched.
    write(
        tmp_path,
        {
            "app.py": "import random\n\n\nHEADER = 1\n\n\n"
            + RESET.replace(
                "    reset_code = random.randint(100000, 999999)\n",
                "    reset_code = random.randint(\n        100000,\n        999999,\n    )\n",
            )
        },
    )
    result = secpat("check", str(tmp_path), "--no-cache", "--baseline", str(baseline), "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["summary"]["baselined"] == 1
    # A new finding is reported.
    write(tmp_path, {"more.py": RESET})
    result = secpat("check", str(tmp_path), "--no-cache", "--baseline", str(baseline), "--format", "json")
    assert result.returncode == 1
    assert [(r, p) for r, p, _ in findings(result)] == [("RND001", "more.py")]
    # Deterministic: writing twice gives the same bytes.
    other = tmp_path / "again.json"
    secpat("baseline", str(tmp_path), "--no-cache", "--output", str(other))
    secpat("baseline", str(tmp_path), "--no-cache", "--output", str(baseline))
    assert other.read_bytes() == baseline.read_bytes()


def test_broken_baseline_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": RESET, "baseline.json": "{not json"})
    result = secpat("check", str(tmp_path), "--no-cache", "--baseline", str(tmp_path / "baseline.json"))
    assert result.returncode == 2 and "baseline" in result.stderr and "Traceback" not in result.stderr


# -- cache -----------------------------------------------------------------------------


def test_cache_gives_the_same_answer_and_sees_changes(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": RESET, "other.py": "x = 1\n"})
    cache = tmp_path / "cache"
    first = secpat("check", str(tmp_path), "--cache-dir", str(cache), "--format", "json")
    second = secpat("check", str(tmp_path), "--cache-dir", str(cache), "--format", "json")
    assert findings(first) == findings(second) == [("RND001", "app.py", 5)]
    assert any(cache.iterdir())
    write(tmp_path, {"app.py": "import secrets\nreset_code = secrets.randbelow(10**6)\n"})
    third = secpat("check", str(tmp_path), "--cache-dir", str(cache), "--format", "json")
    assert findings(third) == []


# -- bad input -------------------------------------------------------------------------


def test_bad_input_tree_ends_in_notices_and_the_rest_is_scanned(tmp_path: Path) -> None:
    write(tmp_path, {"good.py": RESET, "syntax_error.py": "def broken(:\n    pass\n"})
    (tmp_path / "binary.py").write_bytes(b"\x00\x01\x02import os\x00")
    (tmp_path / "latin1.py").write_bytes("# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1"))
    (tmp_path / "latin1_undeclared.py").write_bytes("name = 'caf\xe9'\n".encode("latin-1"))
    row = "    '" + "x" * 52 + "',\n"
    (tmp_path / "generated.py").write_text("DATA = [\n" + row * 90_000 + "]\n")
    unreadable = tmp_path / "unreadable.py"
    unreadable.write_text("x = 1\n")
    unreadable.chmod(0)
    (tmp_path / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "again").symlink_to(tmp_path / "loop")
    (tmp_path / "nested.py").write_text("x = " + "(" * 1000 + "1" + ")" * 1000 + "\n")
    try:
        result = secpat("check", str(tmp_path), "--no-cache", "--format", "json")
    finally:
        unreadable.chmod(0o644)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2  # some files could not be analysed
    doc = json.loads(result.stdout)
    notices = {n["path"]: n["kind"] for n in doc["notices"]}
    assert notices["syntax_error.py"] == "syntax-error"
    assert notices["binary.py"] == "binary"
    assert notices["generated.py"] == "too-large"
    assert notices["latin1_undeclared.py"] == "encoding"
    assert "latin1.py" not in notices
    assert notices["dangling.py"] == "symlink"
    assert any(path.startswith("loop") and kind == "symlink" for path, kind in notices.items())
    assert notices.get("nested.py") in (None, "too-complex")
    if os.geteuid() != 0:  # root reads any file
        assert notices["unreadable.py"] == "unreadable"
    assert findings(result) == [("RND001", "good.py", 5)]
    result = secpat("check", str(tmp_path), "--no-cache", "--keep-going")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_newer_syntax_is_analysed_not_skipped(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "modern.py": """\
        import random


        def greet(user):
            reset_code = random.randint(0, 999999)
            return f"{user["name"]}: {reset_code}"


        def handle():
            try:
                pass
            except ValueError, TypeError:
                pass
        """
        },
    )
    result = secpat("check", str(tmp_path), "--no-cache", "--format", "json")
    assert "Traceback" not in result.stderr
    assert findings(result) == [("RND001", "modern.py", 5)]
    assert result.returncode == 1


# -- rules and explain -----------------------------------------------------------------


def test_rules_and_explain() -> None:
    listing = secpat("rules")
    assert listing.returncode == 0 and "RND001" in listing.stdout and "PWD005" in listing.stdout
    data = json.loads(secpat("rules", "--format", "json").stdout)
    ids = [r["id"] for r in data]
    assert len(ids) == len(set(ids)) and {"RND001", "PWD003", "SPT001"} <= set(ids)
    for rule in data:
        assert rule["why"] and rule["bad"] and rule["good"] and rule["fix"] and rule["cwe"]
    by_id = secpat("explain", "RND001")
    by_name = secpat("explain", "insecure-random-for-secret")
    assert by_id.returncode == 0 and by_id.stdout == by_name.stdout
    assert "secrets" in by_id.stdout and "Why" in by_id.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_every_format_on_an_empty_tree(tmp_path: Path, fmt: str) -> None:
    result = secpat("check", str(tmp_path), "--no-cache", "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt != "text":
        json.loads(result.stdout)


def test_gitignore_is_honoured_but_a_named_directory_is_scanned(tmp_path: Path) -> None:
    write(
        tmp_path,
        {".gitignore": "vendor/\n*.gen.py\n", "vendor/lib.py": RESET, "app.gen.py": RESET, "app.py": "x = 1\n"},
    )
    result = secpat("check", ".", "--no-cache", "--format", "json", cwd=tmp_path)
    assert findings(result) == []
    result = secpat("check", "vendor", "--no-cache", "--format", "json", cwd=tmp_path)
    assert findings(result) == [("RND001", "vendor/lib.py", 5)]


def test_mail_sent_only_for_signed_in_users_is_medium_confidence(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": """
                from flask import Flask, abort, g, redirect, request
                from flask_login import login_required
                from flask_mail import Message, Mail

                app = Flask(__name__)
                mail = Mail(app)


                @app.route("/invite", methods=["POST"])
                @login_required
                def invite():
                    mail.send(Message("Join us", recipients=[request.form["email"]]))
                    return "sent"


                @app.route("/contact", methods=["POST"])
                def contact():
                    mail.send(Message("Thanks", recipients=[request.form["email"]]))
                    return "sent"


                @app.route("/share", methods=["POST"])
                def share():
                    if g.user is None:
                        return redirect("/login")
                    mail.send(Message("Shared", recipients=[request.form["email"]]))
                    return "sent"


                @app.route("/notify", methods=["POST"])
                def notify():
                    if not g.session or request.form.get("quiet"):
                        abort(403)
                    mail.send(Message("Notice", recipients=[request.form["email"]]))
                    return "sent"


                def anonymous_user_required(view):
                    return view


                @app.route("/forgot", methods=["POST"])
                @anonymous_user_required
                def forgot():
                    mail.send(Message("Reset", recipients=[request.form["email"]]))
                    return "sent"
            """
        },
    )
    result = secpat("check", ".", "--no-cache", "--format", "json", cwd=tmp_path)
    doc = json.loads(result.stdout)
    levels = {f["line"]: f["confidence"] for f in doc["findings"] if f["rule_id"] == "RATE002"}
    assert levels == {12: "medium", 18: "high", 24: "medium", 32: "medium", 45: "high"}, levels


def test_sql_reached_through_a_method_told_by_its_name_is_medium_confidence() -> None:
    """The fixture's service keeps a repository handed to its constructor: which class's method runs is told by
    the method's name alone, so that finding is medium; the one through a module-level object stays high."""
    root = Path(__file__).parent / "fixtures" / "sql" / "objects_kept_elsewhere"
    result = secpat("check", ".", "--no-cache", "--format", "json", "--select", "SQL002", cwd=root)
    doc = json.loads(result.stdout)
    levels = {f["line"]: f["confidence"] for f in doc["findings"]}
    assert levels == {9: "high", 16: "medium"}, levels
