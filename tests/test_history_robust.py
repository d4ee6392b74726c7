"""`secpat history` on repositories that are not whole: shallow and partial clones, damaged
objects, bare repositories. Each is made for real with git in a temporary directory and scanned
through the real CLI; nothing is fetched, and what was not scanned is said in a notice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

STRIPE = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"
GITHUB = "ghp_hHTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiBwIp"
#: Real-looking GitHub tokens, one per commit: each is a distinct secret.
TOKENS = [f"ghp_{n:02d}hTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiB" for n in range(12)]
IDENTITY = {
    "GIT_AUTHOR_NAME": "Dev",
    "GIT_AUTHOR_EMAIL": "dev@example.com",
    "GIT_COMMITTER_NAME": "Dev",
    "GIT_COMMITTER_EMAIL": "dev@example.com",
    "GIT_AUTHOR_DATE": "2024-01-01T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2024-01-01T12:00:00+00:00",
}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env={**os.environ, **IDENTITY}, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def commit(repo: Path, message: str, files: dict[str, str | None]) -> str:
    for name, text in files.items():
        if text is None:
            git(repo, "rm", "-q", name)
            continue
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
        git(repo, "add", name)
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def history(
    repo: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], float]:
    """The real CLI, and how long it took."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "secpat", "history", str(repo), *args],
        cwd=repo.parent,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})},
    )
    return done, time.perf_counter() - started


def report(done: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(done.stdout)


def notices(doc: dict, kind: str) -> list[str]:
    return [n["message"] for n in doc["notices"] if n["kind"] == kind]


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A bare repository served over file:// with filters allowed: 12 commits, one new token each,
    each token deleted by the next commit, and one Stripe key kept to HEAD."""
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    commit(work, "keep", {"billing.py": f'STRIPE = "{STRIPE}"\n'})
    for n, token in enumerate(TOKENS):
        commit(work, f"token {n}", {"ci.yml": f"env:\n  GH_TOKEN: {token}\n  N: {n}\n"})
    commit(work, "read the token from the environment", {"ci.yml": "env:\n  GH_TOKEN: ${{ secrets.GH }}\n"})
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    git(bare, "config", "uploadpack.allowFilter", "true")
    return bare


def test_full_clone_finds_every_secret(origin: Path, tmp_path: Path) -> None:
    git(tmp_path, "clone", "-q", f"file://{origin}", "full")
    done, _ = history(tmp_path / "full", "-f", "json")
    doc = report(done)
    assert done.returncode == 1 and doc["notices"] == []
    assert len(doc["findings"]) == 1 + len(TOKENS)


def test_shallow_clone_says_history_is_cut_and_scans_what_is_there(origin: Path, tmp_path: Path) -> None:
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    repo = tmp_path / "shallow"
    tip = git(repo, "rev-parse", "HEAD")

    done, _ = history(repo, "-f", "json")
    doc = report(done)
    assert done.returncode == 1, done.stderr
    (message,) = notices(doc, "incomplete-history")
    assert message.startswith("shallow clone:") and tip[:10] in message and "git fetch --unshallow" in message
    # Only the Stripe key is in the one commit there is; it is not claimed to be introduced there.
    (finding,) = doc["findings"]
    assert finding["path"] == "billing.py" and finding["extra"]["commit"] == tip
    assert "oldest commit of a shallow clone" in finding["message"]
    assert "secpat: warning: .: shallow clone:" in done.stderr  # JSON on stdout: the terminal is told too

    text, _ = history(repo)
    assert text.returncode == 1
    assert any(line.startswith(".  incomplete-history  shallow clone:") for line in text.stdout.splitlines())

    sarif, _ = history(repo, "-f", "sarif")
    (run,) = json.loads(sarif.stdout)["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert any("shallow clone" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])

    baseline = tmp_path / "baseline.json"
    written, _ = history(repo, "--write-baseline", str(baseline))
    assert written.returncode == 0 and "secpat: warning: .: shallow clone:" in written.stderr

    git(repo, "fetch", "-q", "--unshallow")
    whole = report(history(repo, "-f", "json")[0])
    assert whole["notices"] == [] and len(whole["findings"]) == 1 + len(TOKENS)


def test_partial_clone_is_scanned_without_fetching(origin: Path, tmp_path: Path) -> None:
    # Every fetch from the origin runs this program first; it leaves a mark.
    marker = tmp_path / "fetched"
    upload_pack = tmp_path / "upload-pack"
    upload_pack.write_text(f'#!/bin/sh\necho fetch >> "{marker}"\nexec git-upload-pack "$@"\n')
    upload_pack.chmod(0o755)

    def partial_clone(name: str) -> Path:
        git(tmp_path, "clone", "-q", "--filter=blob:none", f"file://{origin}", name)
        git(tmp_path / name, "config", "remote.origin.uploadpack", str(upload_pack))
        marker.unlink(missing_ok=True)  # the clone itself fetched
        return tmp_path / name

    # The mark works: plain git asked for a blob the partial clone lacks fetches it.
    control = partial_clone("control")
    first_token_blob = git(control, "rev-parse", "HEAD~12:ci.yml")
    git(control, "cat-file", "-p", first_token_blob)
    assert marker.exists()

    repo = partial_clone("partial")
    done, seconds = history(repo, "-f", "json")
    assert not marker.exists(), "secpat made git fetch from the promisor remote"
    doc = report(done)
    assert done.returncode == 1, done.stderr
    (message,) = notices(doc, "incomplete-history")
    # 12 token versions of ci.yml were never fetched; HEAD's two files were, at checkout.
    assert message.startswith(f"partial clone: {len(TOKENS)} of {len(TOKENS) + 2} blobs to scan were never fetched")
    assert "not scanned" in message and "clone without --filter" in message
    assert [f["path"] for f in doc["findings"]] == ["billing.py"]
    assert seconds < 20

    # With the origin gone a fetch could only fail; the run is the same.
    origin.rename(tmp_path / "moved.git")
    again, seconds = history(repo, "-f", "json")
    assert again.returncode == 1 and report(again)["notices"] == doc["notices"] and seconds < 20
    assert not marker.exists()


def test_treeless_partial_clone_fails_with_a_clear_message(origin: Path, tmp_path: Path) -> None:
    git(tmp_path, "clone", "-q", "--filter=tree:0", f"file://{origin}", "treeless")
    done, _ = history(tmp_path / "treeless")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "promisor remote" in line and "--filter=blob:none" in line


def _corrupt(repo: Path, blob: str, how: str) -> None:
    """Overwrite the loose object file of `blob`: with bytes that are not zlib at all, or with a
    valid header and a body cut short."""
    path = repo / ".git" / "objects" / blob[:2] / blob[2:]
    raw = zlib.decompress(path.read_bytes())
    path.chmod(0o644)
    path.write_bytes(b"not an object" if how == "garbage" else zlib.compress(raw)[:-12])


@pytest.mark.parametrize("how", ["garbage", "truncated"])
def test_a_damaged_blob_is_named_and_the_scan_goes_on(tmp_path: Path, how: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    first = commit(repo, "one", {"one.py": f'TOKEN = "{TOKENS[0]}"\n' + "# padding\n" * 40})
    commit(repo, "two", {"two.py": f'TOKEN = "{TOKENS[1]}"\n' + "# padding\n" * 40})
    commit(repo, "three", {"three.py": f'STRIPE = "{STRIPE}"\n'})
    damaged = git(repo, "rev-parse", "HEAD:two.py")
    _corrupt(repo, damaged, how)

    done, _ = history(repo, "-f", "json")
    doc = report(done)
    assert done.returncode == 1, done.stderr
    (notice,) = doc["notices"]
    assert notice["kind"] == "unreadable" and notice["path"] == "two.py" and notice["blocking"]
    assert damaged in notice["message"] and "could not be read" in notice["message"]
    assert sorted(f["path"] for f in doc["findings"]) == ["one.py", "three.py"]
    assert next(f for f in doc["findings"] if f["path"] == "one.py")["extra"]["commit"] == first
    assert f"secpat: warning: two.py: blob {damaged}" in done.stderr


def test_bare_repository_is_scanned_and_judged_by_heads_tree(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    commit(work, "keys", {"keep.py": f'STRIPE = "{STRIPE}"\n', "drop.py": f'TOKEN = "{GITHUB}"\n'})
    commit(work, "drop one", {"drop.py": None})
    git(tmp_path, "clone", "-q", "--bare", str(work), "bare.git")
    bare = tmp_path / "bare.git"

    done, _ = history(bare, "-f", "json")
    doc = report(done)
    assert done.returncode == 1 and doc["notices"] == [], done.stderr
    present = {f["path"]: f["extra"]["present_at_head"] for f in doc["findings"]}
    assert present == {"keep.py": "yes", "drop.py": "no"}
    assert doc["root"] == str(bare.resolve())

    git(bare, "symbolic-ref", "HEAD", "refs/heads/never-made")
    unborn = report(history(bare, "-f", "json")[0])
    assert notices(unborn, "config") == [
        "HEAD is unborn (refs/heads/never-made has no commit): no finding is marked present at HEAD"
    ]
    assert {f["path"]: f["extra"]["present_at_head"] for f in unborn["findings"]} == {"keep.py": "no", "drop.py": "no"}


def test_present_at_head_means_the_same_path(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "key", {"payments.py": f'STRIPE = "{STRIPE}"\n', "ci.yml": f"token: {GITHUB}\n"})
    git(repo, "mv", "payments.py", "billing.py")  # the same blob, now under another name
    commit(repo, "rename", {"ci.yml": "token: ${{ secrets.GH }}\n"})

    by_path = {f["path"]: f for f in report(history(repo, "-f", "json")[0])["findings"]}
    moved, gone = by_path["payments.py"], by_path["ci.yml"]
    assert moved["extra"]["present_at_head"] == "no" and moved["extra"]["head_paths"] == "billing.py"
    assert "gone from payments.py at HEAD but still present at HEAD in billing.py" in moved["message"]
    assert gone["extra"]["present_at_head"] == "no" and gone["extra"]["head_paths"] == ""
    assert "gone from HEAD but still in history" in gone["message"]


def test_git_failures_are_one_line_and_exit_2(tmp_path: Path, origin: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    done, _ = history(plain)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"secpat: error: {plain}: not a git repository"]

    bad_ref, _ = history(origin, "--branch", "no-such-branch")
    assert bad_ref.returncode == 2 and len(bad_ref.stderr.strip().splitlines()) == 1
    assert "git log failed" in bad_ref.stderr and "Traceback" not in bad_ref.stderr

    no_git, _ = history(origin, env={"PATH": str(plain)})
    assert no_git.returncode == 2 and len(no_git.stderr.strip().splitlines()) == 1
    assert "cannot run git" in no_git.stderr
