"""The report people read, through the real command line: concise and statistics, --show-config,
colour when piped, the progress display on a terminal, the honest checklist, respect-nosec,
and small things (UTF-16 config, `rules` width, `routes` locations)."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VULNERABLE = ROOT / "examples" / "vulnerable_app"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LOCATION = re.compile(r"^[^\s:]+:\d+:\d+: [A-Z]+\d{3} \[(high|medium|low)\] ")


def secpat(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "COLUMNS": "120"}
    base.pop("NO_COLOR", None)
    base.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "secpat", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        env={**base, **(env or {})},
    )


def write(root: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def checklist(text: str) -> list[str]:
    return text[text.index("Release checklist") :].splitlines()[1:11]


# -- concise, statistics, the full text layout ---------------------------------------------------------


def test_concise_is_one_line_per_finding() -> None:
    done = secpat("check", str(VULNERABLE), "--no-cache", "-q", "--format", "concise")
    assert done.returncode == 1, done.stderr
    doc = json.loads(secpat("check", str(VULNERABLE), "--no-cache", "-q", "--format", "json").stdout)
    lines = done.stdout.splitlines()
    with_position = [line for line in lines if LOCATION.match(line)]
    whole_file = [line for line in lines if re.match(r"^[^\s:]+: [A-Z]+\d{3} \[", line)]
    assert len(with_position) + len(whole_file) == len(doc["findings"]) > 20
    first = doc["findings"][0]
    expected_start = f"{first['path']}:{first['line']}:{first['col']}: {first['rule_id']} [{first['severity']}] "
    assert any(line.startswith(expected_start) for line in lines) or first["line"] == 0
    assert lines[-1].startswith(f"{len(doc['findings'])} findings:")
    assert "why:" not in done.stdout and "Release checklist" not in done.stdout


def test_statistics_in_text_concise_and_json() -> None:
    doc = json.loads(secpat("check", str(VULNERABLE), "--no-cache", "-q", "-f", "json", "--statistics").stdout)
    stats = doc["statistics"]
    counts: dict[str, int] = {}
    for finding in doc["findings"]:
        counts[finding["rule_id"]] = counts.get(finding["rule_id"], 0) + 1
    assert {row["rule_id"]: row["count"] for row in stats} == counts
    assert [row["count"] for row in stats] == sorted((row["count"] for row in stats), reverse=True)
    top = stats[0]
    assert top["rule_name"] and top["severity"] in ("high", "medium", "low")
    for fmt in ("text", "concise"):
        out = secpat("check", str(VULNERABLE), "--no-cache", "-q", "-f", fmt, "--statistics").stdout
        table = out[out.index("\nStatistics\n") :].splitlines()[2:]
        assert len(table) == len(stats)
        assert table[0].split() == [str(top["count"]), top["rule_id"], top["rule_name"], top["severity"]]


def test_full_text_says_why_and_fix_once_per_rule_and_labels_levels_in_words() -> None:
    out = secpat("check", str(VULNERABLE), "--no-cache", "-q").stdout
    doc = json.loads(secpat("check", str(VULNERABLE), "--no-cache", "-q", "-f", "json").stdout)
    rules = {f["rule_id"] for f in doc["findings"]}
    assert out.count("    why: ") == len(rules)
    assert out.count("    fix: ") == len(rules)
    assert "[high/" not in out and "/high]" not in out
    assert "[high severity, high confidence]" in out
    sql = [line for line in out.splitlines() if re.match(r"^\S+:\d+:\d+  SQL002  ", line)]
    assert len(sql) == sum(1 for f in doc["findings"] if f["rule_id"] == "SQL002") > 1
    header = out.index("SQL002 sql-built-from-request: ")
    assert header < out.index(sql[0])


# -- --show-config ---------------------------------------------------------------------------------------


def test_show_config_prints_each_setting_and_its_source(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": """\
        [tool.secpat]
        fail-on = "high"
        extend-ignore = ["RND002"]
        """,
            "app.py": "x = 1\n",
        },
    )
    done = secpat("check", ".", "--show-config", "--min-confidence", "low", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = {line.split(" = ")[0]: line for line in done.stdout.splitlines() if " = " in line}
    assert re.search(r'^fail-on = "high"\s+# pyproject\.toml$', lines["fail-on"])
    assert re.search(r'^ignore = \["RND002"\]\s+# pyproject\.toml$', lines["ignore"])
    assert re.search(r'^min-confidence = "low"\s+# command line$', lines["min-confidence"])
    assert re.search(r"^respect-nosec = false\s+# default$", lines["respect-nosec"])
    assert "# config file: pyproject.toml" in done.stdout
    assert "Release checklist" not in done.stdout  # nothing was scanned


# -- colour ------------------------------------------------------------------------------------------------


def test_color_forces_colour_into_a_pipe() -> None:
    def timeless(text: str) -> str:
        return re.sub(r"\d+\.\d+s$", "", text, flags=re.MULTILINE)

    forced = secpat("check", str(VULNERABLE), "-q", "--color")
    assert "\x1b[" in forced.stdout
    assert "\x1b[" not in secpat("check", str(VULNERABLE), "-q").stdout
    plain = secpat("check", str(VULNERABLE), "-q", "--no-color").stdout
    assert timeless(ANSI.sub("", forced.stdout)) == timeless(plain)


# -- the progress display on a terminal ---------------------------------------------------------------------


def _stderr_on_a_terminal(args: list[str], cwd: Path) -> tuple[str, float | None, float, str]:
    """Run secpat with stderr on a pseudo-terminal: (what the terminal got, seconds until the first
    output on it, seconds the run took, stdout)."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    started = time.monotonic()
    out_file = cwd.parent / f"{cwd.name}-stdout.txt"
    with open(out_file, "wb") as out:  # a file, not a pipe: a long report must not block the run
        process = subprocess.Popen([sys.executable, "-m", "secpat", *args], cwd=cwd, stdout=out, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    first = None
    while True:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if chunk and first is None:
                first = time.monotonic() - started
            seen += chunk
            if not chunk and process.poll() is not None:
                break
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    stdout = out_file.read_text(encoding="utf-8", errors="replace")
    os.close(master)
    return seen.decode(errors="replace"), first, time.monotonic() - started, stdout


def test_progress_shows_at_once_for_check(tmp_path: Path) -> None:
    for i in range(150):
        write(
            tmp_path,
            {
                f"pkg/mod{i}.py": "\n".join(
                    f"def f{j}(x, y):\n    z = [x + k for k in range(y)]\n    return {{'a': z, 'b': f'{{x}}-{{y}}'}}\n"
                    for j in range(60)
                )
            },
        )
    screen, first, took, stdout = _stderr_on_a_terminal(["check", ".", "--no-cache", "-j", "1"], tmp_path)
    assert "Release checklist" in stdout
    assert "scanning" in ANSI.sub("", screen)
    assert first is not None
    # Drawn before the scan is done: the run is long enough that a late bar would show.
    assert first < 3 and took > 2 * first, (first, took)


def test_progress_shows_for_history_and_quiet_hides_it(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={
                **os.environ,
                "GIT_AUTHOR_NAME": "a",
                "GIT_AUTHOR_EMAIL": "a@example.com",
                "GIT_COMMITTER_NAME": "a",
                "GIT_COMMITTER_EMAIL": "a@example.com",
            },
        )

    git("init", "-q")
    for i in range(3):
        write(tmp_path, {f"f{i}.py": f"x = {i}\n"})
        git("add", ".")
        git("commit", "-q", "-m", f"c{i}")
    screen, first, _, stdout = _stderr_on_a_terminal(["history", "."], tmp_path)
    assert "reading git history" in ANSI.sub("", screen)
    assert "Release checklist" in stdout
    screen, _, _, _ = _stderr_on_a_terminal(["history", ".", "-q"], tmp_path)
    assert "reading git history" not in screen


# -- the honest checklist ------------------------------------------------------------------------------------


def test_empty_directory_is_nothing_to_check(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    boxes = checklist(secpat("check", "empty", "--no-cache", "-q", cwd=tmp_path).stdout)
    assert len(boxes) == 10
    assert all(box.startswith("[-]") and "nothing to check (" in box for box in boxes), boxes


def test_a_non_python_file_passes_nothing_but_secrets(tmp_path: Path) -> None:
    write(tmp_path, {"deploy.yaml": "replicas: 2\n"})
    boxes = checklist(secpat("check", "deploy.yaml", "--no-cache", "-q", cwd=tmp_path).stdout)
    passed = [box for box in boxes if "passed" in box]
    assert passed == [boxes[8]] and "Secret management" in boxes[8]


def test_a_library_with_no_routes(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "mylib/core.py": """\
        import hashlib
        import logging

        log = logging.getLogger(__name__)


        def checksum(data):
            log.debug("checksum of %d bytes", len(data))
            return hashlib.sha256(data).hexdigest()
        """
        },
    )
    done = secpat("check", ".", "--no-cache", "-q", "--format", "json", cwd=tmp_path)
    states = {row["pattern"]: (row["state"], row["reason"]) for row in json.loads(done.stdout)["checklist"]}
    assert states[3] == ("nothing to check", "no JWT library in use")
    assert states[4] == ("nothing to check", "no database API in use")
    assert states[6] == states[7] == ("nothing to check", "no web framework or route table found")
    assert {states[n][0] for n in (2, 8, 9)} == {"passed"}


def test_findings_hidden_by_options_are_said_so(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": """\
        import uuid


        def new_reset_token():
            return str(uuid.uuid1())
        """
        },
    )
    shown = json.loads(secpat("check", ".", "--no-cache", "-q", "-f", "json", cwd=tmp_path).stdout)
    assert [(f["rule_id"], f["severity"]) for f in shown["findings"]] == [("RND002", "medium")]
    assert shown["checklist"][0]["state"] == "failed"
    hidden = secpat("check", ".", "--no-cache", "-q", "--report-level", "high", cwd=tmp_path)
    assert hidden.returncode == 0
    assert checklist(hidden.stdout)[0] == "[!]  1. Secure random generation  hidden (1 finding below --report-level)"
    doc = json.loads(
        secpat("check", ".", "--no-cache", "-q", "--report-level", "high", "-f", "json", cwd=tmp_path).stdout
    )
    assert (doc["checklist"][0]["state"], doc["checklist"][0]["reason"]) == ("hidden", "1 finding below --report-level")


# -- respect-nosec, end to end -------------------------------------------------------------------------------

NOSEC_APP = """\
import hashlib
import random


def new_reset_token():
    return str(random.randint(100000, 999999))  # nosec B311


def store(password):
    return hashlib.md5(password.encode()).hexdigest()  # noqa: S324
"""


def test_respect_nosec_is_off_by_default_and_honours_bandit_and_ruff_when_on(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": NOSEC_APP})
    (tmp_path / ".git").mkdir()
    off = json.loads(secpat("check", ".", "--no-cache", "-q", "-f", "json", cwd=tmp_path).stdout)
    assert sorted(f["rule_id"] for f in off["findings"]) == ["PWD002", "RND001"]
    write(tmp_path, {"pyproject.toml": "[tool.secpat]\nrespect-nosec = true\n"})
    on = json.loads(secpat("check", ".", "--no-cache", "-q", "-f", "json", cwd=tmp_path).stdout)
    assert [(f["rule_id"], f["line"]) for f in on["findings"]] == [("SPT001", 6), ("SPT001", 10)]
    assert "ignore[RND001]" in on["findings"][0]["message"] and "ignore[PWD002]" in on["findings"][1]["message"]
    assert on["summary"]["suppressed"] == 2


# -- small things -------------------------------------------------------------------------------------------------


def test_utf16_pyproject_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.secpat]\nfail-on = "high"\n', encoding="utf-16")
    (tmp_path / "app.py").write_text("x = 1\n", encoding="utf-8")
    done = secpat("check", ".", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr.strip() == "secpat: error: pyproject.toml: config file is UTF-16; TOML files must be saved as UTF-8"
    )


def test_rules_table_follows_the_width_it_is_given() -> None:
    for columns in ("100", "200"):
        out = secpat("rules", env={"COLUMNS": columns}).stdout
        assert max(len(line) for line in out.splitlines()) <= int(columns)
    wide = secpat("rules", env={"COLUMNS": "200"}).stdout
    assert any(len(line) > 160 for line in wide.splitlines())  # not cut at a fixed 160


def test_routes_keep_the_line_of_a_long_location(tmp_path: Path) -> None:
    deep = "a_rather_long_package_name/with_a_nested_module_path/and_more_levels/views.py"
    write(
        tmp_path,
        {
            deep: """\
        from flask import Flask

        app = Flask(__name__)


        @app.route("/login", methods=["POST"])
        def login():
            return "ok"
        """
        },
    )
    out = secpat("routes", ".", cwd=tmp_path).stdout
    row = next(line for line in out.splitlines() if line.startswith("POST"))
    assert re.search(r"…\S*views\.py:7\b", row), row
