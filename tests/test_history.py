"""`secpat history` on real git repositories built in a temporary directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from secpat import history as history_module
from secpat.config import load_config
from secpat.history import HistoryOptions, scan_history

STRIPE = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"
GITHUB = "ghp_hHTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiBwIp"
ENV_KEY = "9f3c0c6d61c3c2e7b2c5a2b41a6f9d88"
DB_PASSWORD = "Tr0ub4dor&3-horse"
ALL_SECRETS = (STRIPE, GITHUB, ENV_KEY, DB_PASSWORD)


class Repo:
    """A git repository whose commits get increasing, fixed dates (one day apart from 2024-01-01)."""

    def __init__(self, path: Path):
        self.path = path
        self.day = 0
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        date = (datetime(2024, 1, 1, 12, tzinfo=timezone.utc) + timedelta(days=self.day)).isoformat()
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Dev",
            "GIT_AUTHOR_EMAIL": "dev@example.com",
            "GIT_COMMITTER_NAME": "Dev",
            "GIT_COMMITTER_EMAIL": "dev@example.com",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
        }
        done = subprocess.run(
            ["git", "-c", "user.email=dev@example.com", "-c", "user.name=Dev", *args],
            cwd=self.path,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    def commit(self, message: str, files: dict[str, str | None]) -> str:
        for name, text in files.items():
            target = self.path / name
            if text is None:
                self.git("rm", "-q", "--cached", name)
                target.unlink(missing_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            self.git("add", "-f", name)
        self.git("commit", "-q", "--allow-empty", "-m", message)
        self.day += 1
        return self.git("rev-parse", "HEAD")


def secpat_history(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "secpat", "history", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def findings(result: subprocess.CompletedProcess[str]) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def assert_no_secret(text: str) -> None:
    for secret in ALL_SECRETS:
        assert secret not in text and secret[8:] not in text, secret


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def test_secret_deleted_later_is_found_and_marked_gone(repo: Repo) -> None:
    repo.commit("app", {"app.py": "def main():\n    return 1\n"})
    added = repo.commit("payments", {"payments.py": f'import stripe\nstripe.api_key = "{STRIPE}"\n'})
    repo.commit("read key from env", {"payments.py": 'import os\nimport stripe\nstripe.api_key = os.environ["K"]\n'})
    result = secpat_history(".", "--format", "json", cwd=repo.path)
    assert result.returncode == 1, result.stderr
    (finding,) = findings(result)
    extra = finding["extra"]
    assert finding["rule_id"] == "SECRET004" and finding["path"] == "payments.py" and finding["line"] == 2
    assert extra["commit"] == added and extra["present_at_head"] == "no"
    assert extra["date"].startswith("2024-01-02") and extra["secret"].startswith("sk_live_…")
    assert added[:10] in finding["message"] and "gone from HEAD" in finding["message"]
    assert_no_secret(result.stdout)


def test_secret_still_at_head_is_marked_present(repo: Repo) -> None:
    repo.commit("ci", {"ci.yml": f"env:\n  GH_TOKEN: {GITHUB}\n"})
    (finding,) = findings(secpat_history(".", "-f", "json", cwd=repo.path))
    assert finding["extra"]["present_at_head"] == "yes" and "still present at HEAD" in finding["message"]


def test_env_committed_once_then_removed_is_found(repo: Repo) -> None:
    repo.commit("init", {"README.md": "demo\n"})
    added = repo.commit("oops", {".env": f"SECRET_KEY={ENV_KEY}\nDEBUG=1\n"})
    repo.commit("untrack .env", {".env": None, ".gitignore": ".env\n"})
    (finding,) = findings(secpat_history(".", "-f", "json", cwd=repo.path))
    assert finding["path"] == ".env" and finding["extra"]["commit"] == added
    assert finding["extra"]["present_at_head"] == "no"


def test_env_without_recognised_secret_is_reported_as_a_file(repo: Repo) -> None:
    added = repo.commit("oops", {".env.production": "MYSTERY=q\n"})
    repo.commit("untrack", {".env.production": None})
    (finding,) = findings(secpat_history(".", "-f", "json", "--min-confidence", "low", cwd=repo.path))
    assert finding["path"] == ".env.production" and finding["line"] == 0
    assert finding["extra"]["commit"] == added and "environment file" in finding["message"]


def test_clean_history_yields_nothing(repo: Repo) -> None:
    repo.commit(
        "settings",
        {
            "settings.py": 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
            ".env.example": "SECRET_KEY=changeme\n",
            "docs.md": "key: AKIAIOSFODNN7EXAMPLE\n",
        },
    )
    repo.commit("more", {"app.py": 'TOKEN_HEADER = "X-Auth-Token"\ntoken_type = "Bearer"\n'})
    result = secpat_history(".", "-f", "json", cwd=repo.path)
    assert result.returncode == 0, result.stdout
    assert findings(result) == []


def test_secret_in_many_commits_is_one_finding_at_its_first_commit(repo: Repo) -> None:
    first = repo.commit("settings", {"settings.py": f'DB_PASSWORD = "{DB_PASSWORD}"\nDEBUG = False\n'})
    for n in range(4):
        repo.commit(f"edit {n}", {"settings.py": f'DB_PASSWORD = "{DB_PASSWORD}"\nDEBUG = False\nN = {n}\n'})
    repo.commit("copy", {"other/settings.py": f'DB_PASSWORD = "{DB_PASSWORD}"\n'})
    result = secpat_history(".", "-f", "json", cwd=repo.path)
    (finding,) = findings(result)
    assert finding["extra"]["commit"] == first and finding["path"] == "settings.py"
    assert finding["extra"]["present_at_head"] == "yes"
    assert_no_secret(result.stdout)


def test_branch_limits_the_refs(repo: Repo) -> None:
    repo.commit("init", {"app.py": "x = 1\n"})
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit("feature key", {"feature.py": f'STRIPE = "{STRIPE}"\n'})
    repo.git("checkout", "-q", "main")
    assert [f["path"] for f in findings(secpat_history(".", "-f", "json", cwd=repo.path))] == ["feature.py"]
    assert findings(secpat_history(".", "-f", "json", "--branch", "main", cwd=repo.path)) == []
    on_feature = findings(secpat_history(".", "-f", "json", "--branch", "feature", cwd=repo.path))
    assert [f["path"] for f in on_feature] == ["feature.py"]
    assert on_feature[0]["extra"]["present_at_head"] == "no"  # HEAD is main


def test_since_skips_older_commits(repo: Repo) -> None:
    repo.commit("old", {"old.py": f'STRIPE = "{STRIPE}"\n'})  # 2024-01-01
    for n in range(5):
        repo.commit(f"pad {n}", {"pad.py": f"N = {n}\n"})
    repo.commit("new", {"ci.yml": f"token: {GITHUB}\n"})  # 2024-01-07

    def paths(*a: str) -> list[str]:
        return sorted(f["path"] for f in findings(secpat_history(".", "-f", "json", *a, cwd=repo.path)))

    assert paths() == ["ci.yml", "old.py"]
    assert paths("--since", "2024-01-05") == ["ci.yml"]
    assert paths("--since", "2024-02-01") == []


def test_stashed_secret_is_found(repo: Repo) -> None:
    repo.commit("init", {"app.py": "x = 1\n"})
    (repo.path / "app.py").write_text(f'x = 1\nTOKEN = "{GITHUB}"\n')
    repo.git("stash", "-q")
    (repo.path / "app.py").write_text(f'x = 1\nSTRIPE = "{STRIPE}"\n')
    repo.git("stash", "-q")  # the first stash is now only in the stash reflog
    found = findings(secpat_history(".", "-f", "json", cwd=repo.path))
    assert sorted(f["extra"]["secret"][:4] for f in found) == ["ghp_", "sk_l"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_never_contains_a_full_secret(repo: Repo, fmt: str, tmp_path: Path) -> None:
    repo.commit(
        "all",
        {
            "a.py": f'STRIPE = "{STRIPE}"\nDB_PASSWORD = "{DB_PASSWORD}"\n',
            ".env": f"SECRET_KEY={ENV_KEY}\n",
            "ci.yml": f"token: {GITHUB}\n",
        },
    )
    repo.commit("rm", {"a.py": None, ".env": None})
    out = tmp_path / f"report.{fmt}"
    result = secpat_history(".", "--format", fmt, "--output", str(out), cwd=repo.path)
    assert result.returncode == 1 and result.stdout == "", result.stderr
    text = out.read_text()
    assert "SECRET004" in text
    assert_no_secret(text + result.stderr)


def test_baseline_accepts_known_history(repo: Repo, tmp_path: Path) -> None:
    repo.commit("key", {"a.py": f'STRIPE = "{STRIPE}"\n'})
    baseline = tmp_path / "history-baseline.json"
    written = secpat_history(".", "--write-baseline", str(baseline), cwd=repo.path)
    assert written.returncode == 0, written.stderr
    assert_no_secret(baseline.read_text())
    assert secpat_history(".", "--baseline", str(baseline), cwd=repo.path).returncode == 0
    repo.commit("another", {"ci.yml": f"token: {GITHUB}\n"})
    result = secpat_history(".", "-f", "json", "--baseline", str(baseline), cwd=repo.path)
    assert result.returncode == 1 and [f["path"] for f in findings(result)] == ["ci.yml"]


def test_inline_suppression_is_honoured(repo: Repo) -> None:
    repo.commit("doc", {"a.py": f'STRIPE = "{STRIPE}"  # secpat: ignore[SECRET001] revoked test-mode key\n'})
    assert findings(secpat_history(".", "-f", "json", cwd=repo.path)) == []


def test_exit_codes(repo: Repo, tmp_path: Path) -> None:
    repo.commit("key", {"a.py": f'STRIPE = "{STRIPE}"\n'})
    assert secpat_history(".", cwd=repo.path).returncode == 1
    assert secpat_history(".", "--exit-zero", cwd=repo.path).returncode == 0
    not_a_repo = tmp_path / "plain"
    not_a_repo.mkdir()
    result = secpat_history(str(not_a_repo), cwd=tmp_path)
    assert result.returncode == 2 and "not a git repository" in result.stderr
    assert secpat_history(".", "--branch", "no-such-branch", cwd=repo.path).returncode == 2


def test_empty_repository(repo: Repo) -> None:
    result = secpat_history(".", "-f", "json", cwd=repo.path)
    assert result.returncode == 0, result.stderr
    assert findings(result) == []


def test_a_long_history_needs_a_few_processes_and_reads_each_blob_once(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(40):
        repo.commit(f"c{n}", {f"mod{n % 3}.py": f"N = {n}\n", "shared.py": "VALUE = 1\n"})
    repo.commit("key", {"keys.py": f'STRIPE = "{STRIPE}"\n'})
    started: list[list[str]] = []
    real_popen = subprocess.Popen

    class CountingPopen(real_popen):  # type: ignore[misc, valid-type]
        def __init__(self, args, *rest, **kwargs):
            started.append(list(args))
            super().__init__(args, *rest, **kwargs)

    scanned: list[str] = []
    real_scan_blob = history_module._scan_blob
    monkeypatch.setattr(subprocess, "Popen", CountingPopen)
    monkeypatch.setattr(
        history_module,
        "_scan_blob",
        lambda path, data, earlier, every_secret: (
            scanned.append(path) or real_scan_blob(path, data, earlier, every_secret=every_secret)
        ),
    )
    result = scan_history(repo.path, load_config(repo.path), HistoryOptions())
    assert [f.location.path for f in result.findings] == ["keys.py"]
    assert len(started) <= 4, started  # rev-parse, log, ls-tree, cat-file: not one per commit or blob
    blobs = repo.git("rev-list", "--all", "--objects").splitlines()
    assert len(scanned) <= len(blobs)
    assert scanned.count("shared.py") == 1  # the same content in 41 commits is read once
