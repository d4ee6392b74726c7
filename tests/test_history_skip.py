"""`secpat history` skips binary, vendored and oversized blobs, says how many and why, and shows progress
on a terminal. Real git repositories in a temporary directory, the real CLI."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_history import Repo, secpat_history

from secpat.config import load_config
from secpat.history import HistoryOptions, scan_history, skip_reason

STRIPE = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"
GITHUB = "ghp_hHTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiBwIp"
AWS = "AKIA3IAUXI2KWPJJPPYM"


def stripe(n: int) -> str:
    """A distinct Stripe-format key per skipped blob: one that were read would be a finding of its own."""
    digest = base64.b64encode(hashlib.sha256(str(n).encode()).digest()).decode()
    return "sk_live_" + digest.replace("+", "").replace("/", "")[:28]


def minified(secret: str) -> str:
    """One long line of JavaScript, as a bundler writes it, with a secret inside."""
    return 'var c={k:"' + secret + '"};' + "function f(a){return a+1};" * 120 + "\n"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    (repo.path / "pyproject.toml").write_text("[tool.secpat]\nmax-file-size = 20000\n")
    repo.commit(
        "project",
        {
            "pyproject.toml": "[tool.secpat]\nmax-file-size = 20000\n",
            "app/settings.py": f'STRIPE_KEY = "{STRIPE}"\n',
            # Written by hand: long enough to tell from a bundle, found wherever it is.
            "app/static/app.js": "// the client\n"
            + "".join(f"function f{n}(a) {{ return a + {n}; }}\n" for n in range(60))
            + f'const token = "{GITHUB}";\n',
            "app/vendor_settings.py": f'AWS_ACCESS_KEY_ID = "{AWS}"\n',  # "vendor" in a file name is not a vendor dir
        },
    )
    repo.commit(
        "assets",
        {
            "static/vendor/jquery.js": f'var key = "{stripe(1)}";\n',
            "frontend/node_modules/lib/index.js": f'module.exports = "{stripe(2)}";\n',
            "static/widget.min.js": minified(stripe(3)),
            "static/css/site.min.css": "a{color:red}" * 10 + f"/*{stripe(4)}*/\n",
            "static/js/bundle.3f2a.js": minified(stripe(5)),  # minified, whatever its name says
            "static/js/bundle.3f2a.js.map": f'{{"sourcesContent": ["const k = \\"{stripe(6)}\\""]}}\n',
            "docs/logo.png": f"\x89PNG {stripe(7)}\n",
            "data/dump.bin": f"\x00\x01\x02 {stripe(8)}\n",  # NUL bytes: binary by content
            "data/huge.txt": f"{stripe(9)}\n" + "x" * 30000 + "\n",  # over max-file-size
        },
    )
    return repo


def notices(doc: dict, kind: str) -> list[str]:
    return [n["message"] for n in doc["notices"] if n["kind"] == kind]


def test_skipped_blobs_are_counted_by_reason_and_the_rest_is_found(repo: Repo) -> None:
    result = secpat_history(".", "-f", "json", "--min-confidence", "low", cwd=repo.path)
    assert result.returncode == 1, result.stderr
    doc = json.loads(result.stdout)
    assert sorted(f["path"] for f in doc["findings"]) == [
        "app/settings.py",
        "app/static/app.js",
        "app/vendor_settings.py",
    ]
    assert notices(doc, "vendored") == [
        "6 blob(s) not scanned: third-party or minified code (node_modules/, vendor/, *.min.js, *.map,"
        " minified JavaScript and CSS)"
    ]
    assert notices(doc, "binary") == [
        "2 blob(s) not scanned: binary (images, archives, compiled files: by name, or NUL bytes in the content)"
    ]
    assert notices(doc, "too-large") == [
        "1 blob(s) not scanned: over max-file-size (20,000 bytes; raise it in [tool.secpat] to scan them)"
    ]
    # The report went to stdout, not to a screen: stderr says what was skipped too.
    assert "secpat: note: 6 blob(s) not scanned: third-party or minified code" in result.stderr
    assert "secpat: note: 2 blob(s) not scanned: binary" in result.stderr


def test_every_skipped_blob_holds_a_secret_that_a_full_read_finds(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """The skips above are what hides those secrets: read everything and each one is a finding."""
    from secpat import history

    monkeypatch.setattr(history, "skip_reason", lambda path: None)
    monkeypatch.setattr(history, "_content_skip_reason", lambda path, data: None)
    config = dataclasses.replace(load_config(repo.path), max_file_size=10**6)
    result = scan_history(repo.path, config, HistoryOptions())
    assert {f.location.path for f in result.findings} >= {
        "static/vendor/jquery.js",
        "frontend/node_modules/lib/index.js",
        "static/widget.min.js",
        "static/css/site.min.css",
        "static/js/bundle.3f2a.js",
        "static/js/bundle.3f2a.js.map",
        "docs/logo.png",
        "data/dump.bin",
        "data/huge.txt",
    }


def test_raising_the_size_limit_scans_the_large_blob(repo: Repo) -> None:
    (repo.path / "pyproject.toml").write_text("[tool.secpat]\nmax-file-size = 100000\n")
    result = secpat_history(".", "-f", "json", "--min-confidence", "low", cwd=repo.path)
    doc = json.loads(result.stdout)
    assert "data/huge.txt" in {f["path"] for f in doc["findings"]}
    assert notices(doc, "too-large") == []


def test_text_report_lists_the_skips_among_its_notices(repo: Repo) -> None:
    result = secpat_history(".", cwd=repo.path)
    assert result.returncode == 1, result.stderr
    assert "6 blob(s) not scanned: third-party or minified code" in result.stdout
    assert "vendored" in result.stdout


def test_nothing_skipped_means_no_notice(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "plain")
    repo.commit("one", {"app.py": f'API_TOKEN = "{GITHUB}"\n', "README.md": "# app\n"})
    result = secpat_history(".", "-f", "json", cwd=repo.path)
    doc = json.loads(result.stdout)
    assert [f["path"] for f in doc["findings"]] == ["app.py"]
    assert doc["notices"] == [] and "note:" not in result.stderr


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("static/vendor/jquery.js", "vendored"),
        ("a/b/node_modules/x/y/z.py", "vendored"),
        ("pkg/_vendor/six.py", "vendored"),
        ("third_party/lib/settings.py", "vendored"),
        ("static/app.min.js", "vendored"),
        ("static/app.min.css", "vendored"),
        ("static/jquery-min.js", "vendored"),
        ("static/app.js.map", "vendored"),
        ("img/logo.PNG", "binary"),
        ("dist/pkg.whl", "binary"),
        ("app/vendor.py", None),
        ("app/vendoring/settings.py", None),
        ("app/minimal.js", None),
        ("config/settings.json", None),
        (".env", None),
    ],
)
def test_skip_reason_by_path(path: str, reason: str | None) -> None:
    assert skip_reason(path) == reason


def test_parallel_scan_finds_the_same_as_a_serial_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A history large enough for the worker pool gives the same findings, at the same commits."""
    repo = Repo(tmp_path / "big")
    secrets = [STRIPE, GITHUB, AWS]
    for n in range(9):
        files = {f"pkg/mod{m}.py": f"VALUE_{m} = {n * 100 + m}\n" * (m + 1) for m in range(60)}
        if n < 3:
            files[f"keys/k{n}.py"] = f'API_KEY = "{secrets[n]}"\n'
        for name, text in files.items():
            (repo.path / name).parent.mkdir(parents=True, exist_ok=True)
            (repo.path / name).write_text(text)
        repo.git("add", "-A")
        repo.commit(f"c{n}", {})
    config = load_config(repo.path)
    from secpat import history

    parallel = scan_history(repo.path, config, HistoryOptions())
    assert parallel.files_scanned >= history._PARALLEL_BLOBS  # the pool was used
    monkeypatch.setattr(history, "_PARALLEL_BLOBS", 10**9)
    serial = scan_history(repo.path, config, HistoryOptions())
    assert [(f.location.path, f.location.line, dict(f.extra)["commit"]) for f in parallel.findings] == [
        (f.location.path, f.location.line, dict(f.extra)["commit"]) for f in serial.findings
    ]
    assert {f.location.path for f in parallel.findings} == {"keys/k0.py", "keys/k1.py", "keys/k2.py"}
    assert parallel.files_scanned == serial.files_scanned


def _run_on_a_terminal(args: list[str], cwd: Path, seconds: float = 60) -> str:
    """What the command writes to a pseudo-terminal on stdin, stdout and stderr."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "secpat", *args],
        cwd=cwd,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    output = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(leader)
    return output.decode("utf-8", errors="replace")


def test_progress_is_shown_on_a_terminal_and_not_with_quiet(repo: Repo) -> None:
    shown = _run_on_a_terminal(["history", "."], repo.path)
    assert "git history" in shown and "scanning blobs" in shown
    quiet = _run_on_a_terminal(["history", ".", "-q"], repo.path)
    assert "scanning blobs" not in quiet and "listing commits" not in quiet
    assert "app/settings.py" in quiet  # the report itself is there


def test_progress_is_not_written_when_stderr_is_not_a_terminal(repo: Repo) -> None:
    result = secpat_history(".", "-f", "json", cwd=repo.path)
    assert "scanning blobs" not in result.stderr and "listing commits" not in result.stderr
