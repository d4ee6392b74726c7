"""`secpat check --diff-base REF`: only the findings not present at a git revision, on real repositories."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sample_project import DB, STRIPE

VIEWS = """\
from flask import Flask, request

from app.db import find_user
from app.tokens import reset_code

app = Flask(__name__)


@app.route("/users")
def users():
    return {"users": find_user(request.args["name"])}


@app.route("/reset", methods=["POST"])
def reset():
    return {"code": reset_code()}
"""
TOKENS = """\
import random


def reset_code():
    return random.randint(100000, 999999)
"""
SETTINGS = 'DEBUG = True\nSECRET_KEY = "Zq8vN2rT5wXy7Lm3Pk9Hs4Jd6Fg1Ab0C"\n'
BASE_FILES = {
    "app/__init__.py": "",
    "app/db.py": DB,
    "app/views.py": VIEWS,
    "app/tokens.py": TOKENS,
    "app/settings.py": SETTINGS,
    ".env": f"STRIPE_SECRET_KEY={STRIPE}\n",
}
NEW_QUERY = """

def orders(customer):
    conn = sqlite3.connect("app.db")
    return conn.execute("SELECT * FROM orders WHERE customer = '%s'" % customer).fetchall()
"""
NEW_ROUTE = """

@app.route("/orders")
def customer_orders():
    return {"orders": orders(request.args["customer"])}
"""
NEW = ("SQL002", "app/db.py", 16)


class Repo:
    def __init__(self, path: Path):
        self.path = path
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Dev",
            "GIT_AUTHOR_EMAIL": "dev@example.com",
            "GIT_COMMITTER_NAME": "Dev",
            "GIT_COMMITTER_EMAIL": "dev@example.com",
        }
        return subprocess.run(
            ["git", *args], cwd=self.path, env=env, capture_output=True, text=True, check=True
        ).stdout.strip()

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            (self.path / name).parent.mkdir(parents=True, exist_ok=True)
            (self.path / name).write_text(text)

    def commit(self, files: dict[str, str], message: str = "change") -> None:
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)


def secpat(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "secpat", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        check=False,
    )


def reported(done: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int]]:
    assert done.returncode in (0, 1), done.stderr
    return [(f["rule_id"], f["path"], f["line"]) for f in json.loads(done.stdout)["findings"]]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.commit(BASE_FILES, "base")
    return repo


def moved_and_one_added(repo: Repo) -> None:
    """On a branch: every module's findings move (lines above them, functions reordered) and one
    query is added, reached by request data from a new view."""
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit(
        {
            "app/db.py": '"""Queries."""\n\nimport logging\n'
            + DB.replace("\n\ndef find_user", "\nlog = logging.getLogger()\n\n\ndef find_user")
            + NEW_QUERY,
            "app/tokens.py": TOKENS.replace("import random\n", "import random\n\n\ndef greeting():\n    return 'hi'\n"),
            "app/views.py": '"""Views."""\n\n'
            + VIEWS.replace("import find_user", "import find_user, orders")
            + NEW_ROUTE,
            "app/settings.py": "# Settings.\n\n" + SETTINGS,
            ".env": f"# Local settings.\nSTRIPE_SECRET_KEY={STRIPE}\n",
        }
    )


def test_a_branch_that_adds_one_finding_and_moves_others_reports_the_one(repo: Repo, tmp_path: Path) -> None:
    moved_and_one_added(repo)
    everything = reported(secpat(".", "--format", "json", cwd=repo.path))
    assert {rule for rule, _, _ in everything} >= {"SQL002", "RND001", "CONF001", "SECRET001", "SECRET003"}
    index = (repo.path / ".git" / "index").read_bytes()
    status = repo.git("status", "--porcelain", "--untracked-files=all")
    temporary = tmp_path / "tmp"
    temporary.mkdir()

    done = secpat(".", "--diff-base", "main", "--format", "json", cwd=repo.path, env={"TMPDIR": str(temporary)})

    assert done.returncode == 1
    assert reported(done) == [NEW]
    assert f"{len(everything) - 1} finding(s) already present at main (" in done.stderr
    # The work tree, the index and the branch are as they were; the copy of main is gone.
    assert (repo.path / ".git" / "index").read_bytes() == index
    assert repo.git("status", "--porcelain", "--untracked-files=all") == status
    assert repo.git("rev-parse", "--abbrev-ref", "HEAD") == "feature"
    assert list(temporary.iterdir()) == []


def test_uncommitted_changes_are_compared_too(repo: Repo) -> None:
    repo.write({"app/tokens.py": TOKENS + "\n\ndef invite_token():\n    return str(random.random())\n"})
    assert reported(secpat(".", "--diff-base", "HEAD", "--format", "json", cwd=repo.path)) == [
        ("RND001", "app/tokens.py", 9)
    ]
    assert reported(secpat("app/db.py", "--diff-base", "HEAD", "--format", "json", cwd=repo.path)) == []


def test_a_renamed_module_keeps_its_findings(repo: Repo) -> None:
    repo.git("mv", "app/db.py", "app/queries.py")
    repo.write({"app/views.py": VIEWS.replace("from app.db import", "from app.queries import")})
    repo.git("commit", "-qam", "rename")
    assert ("SQL002", "app/queries.py", 6) in reported(secpat(".", "--format", "json", cwd=repo.path))
    assert reported(secpat(".", "--diff-base", "main~0", "--format", "json", cwd=repo.path)) == []
    assert reported(secpat(".", "--diff-base", "main~1", "--format", "json", cwd=repo.path)) == []


def test_a_finding_moved_to_another_file_is_new(repo: Repo) -> None:
    repo.commit(
        {
            "app/db.py": "",
            "app/users.py": DB,
            "app/views.py": VIEWS.replace("from app.db import", "from app.users import"),
        }
    )
    # app/users.py is not a rename of app/db.py (that stays, emptied): its finding is new there.
    assert reported(secpat(".", "--diff-base", "main~1", "--format", "json", cwd=repo.path)) == [
        ("SQL002", "app/users.py", 6)
    ]


def test_with_a_baseline(repo: Repo) -> None:
    moved_and_one_added(repo)
    accepted = subprocess.run(
        [sys.executable, "-m", "secpat", "baseline", ".", "-o", "accepted.json"],
        cwd=repo.path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert accepted.returncode == 0, accepted.stderr
    done = secpat(".", "--diff-base", "main", "--baseline", "accepted.json", "--format", "json", cwd=repo.path)
    assert reported(done) == [] and done.returncode == 0
    assert json.loads(done.stdout)["summary"]["baselined"] == 1


def test_the_revision_is_scanned_with_one_cache_that_is_reused(repo: Repo, tmp_path: Path) -> None:
    moved_and_one_added(repo)
    cache = tmp_path / "cache"
    env = {"SECPAT_CACHE_DIR": str(cache)}
    first = reported(secpat(".", "--diff-base", "main", "--format", "json", cwd=repo.path, env=env))
    files = _file_results(cache)
    assert len(files) == 2  # the work tree's and the revision's
    second = reported(secpat(".", "--diff-base", "main", "--format", "json", cwd=repo.path, env=env))
    assert (
        second == first == reported(secpat(".", "--diff-base", "main", "--format", "json", "--no-cache", cwd=repo.path))
    )
    # The new copy of main looked unchanged to the cache: no file of it was analysed and stored again, and
    # copies do not pile up. (Once the files are a few seconds old, a run also keeps its whole result
    # beside each tree's file results, one `.run.json` per tree, and what it found walking the tree, one
    # `.walk.json`: neither is a copy.)
    assert _file_results(cache) == files
    runs = [p.name for p in (cache / "results").glob("*.run.json")]
    assert all(name.removesuffix(".run.json") + ".json" in files for name in runs)


def _file_results(cache: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in (cache / "results").glob("*.json")
        if not p.name.endswith((".run.json", ".walk.json"))
    }


def test_first_commit_has_everything_new(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "fresh")
    repo.write({"app/tokens.py": TOKENS, "app/__init__.py": ""})
    done = secpat(".", "--diff-base", "HEAD", "--format", "json", cwd=repo.path)
    assert reported(done) == [("RND001", "app/tokens.py", 5)]
    assert "HEAD (no commit yet)" in done.stderr


def test_paths_are_laid_out_as_in_the_work_tree(repo: Repo) -> None:
    moved_and_one_added(repo)
    # From above the repository (paths start with repo/) and for one directory of it.
    assert reported(secpat("repo", "--diff-base", "main", "--format", "json", cwd=repo.path.parent)) == [
        ("SQL002", "repo/app/db.py", 16)
    ]
    assert reported(secpat("app", "--diff-base", "main", "--format", "json", cwd=repo.path)) == [NEW]
    # A directory the revision does not have: all of it is new.
    repo.commit({"jobs/__init__.py": "", "jobs/codes.py": TOKENS})
    assert reported(secpat("jobs", "--diff-base", "main", "--format", "json", cwd=repo.path)) == [
        ("RND001", "jobs/codes.py", 5)
    ]


def test_the_checklist_says_findings_were_present_at_the_revision(repo: Repo) -> None:
    moved_and_one_added(repo)
    rows = {
        row["pattern"]: row
        for row in json.loads(secpat(".", "--diff-base", "main", "--format", "json", cwd=repo.path).stdout)["checklist"]
    }
    assert rows[4]["state"] == "failed"
    assert rows[1]["state"] == "hidden" and "already present at the --diff-base revision" in rows[1]["reason"]


@pytest.mark.parametrize(
    "ref, message",
    [
        ("no-such-branch", "unknown revision 'no-such-branch'"),
        ("--help", "'--help' is not a revision"),
        ("main..feature", "unknown revision"),
        ("", "'' is not a revision"),
    ],
)
def test_a_bad_revision_is_a_usage_error(repo: Repo, ref: str, message: str) -> None:
    done = secpat(".", "--diff-base", ref, cwd=repo.path)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(TOKENS)
    done = secpat(".", "--diff-base", "main", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert done.returncode == 2
    assert "not in a git work tree" in done.stderr and "Traceback" not in done.stderr


def test_missing_objects_are_a_clear_error(repo: Repo, tmp_path: Path) -> None:
    # A shallow clone does not have the older commit's objects.
    clone = tmp_path / "shallow"
    repo.commit({"app/tokens.py": TOKENS + "\n"})
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)], check=True)
    done = secpat(".", "--diff-base", "HEAD~1", cwd=clone)
    assert done.returncode == 2 and "unknown revision 'HEAD~1'" in done.stderr


def recipe_commands(title: str) -> list[str]:
    """The secpat commands in the CI recipe under `title` in docs/new-findings.md."""
    import yaml

    text = (Path(__file__).resolve().parents[1] / "docs" / "new-findings.md").read_text()
    start = text.index("```yaml", text.index(title)) + len("```yaml")
    return [
        value
        for value in _strings(yaml.safe_load(text[start : text.index("```", start)]))
        if value.startswith("secpat ")
    ]


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return [value for child in values for value in _strings(child)]


def test_the_github_pull_request_recipe(repo: Repo, tmp_path: Path) -> None:
    moved_and_one_added(repo)
    # What the pull_request event checks out: the merge of the branch into the base, two commits deep.
    repo.git("checkout", "-q", "--detach", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge feature into main", "feature")
    repo.git("update-ref", "refs/pull/1/merge", "HEAD")
    clone = tmp_path / "checkout"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", "--branch", "main", f"file://{repo.path}", str(clone)], check=True
    )
    subprocess.run(["git", "fetch", "-q", "--depth", "2", "origin", "refs/pull/1/merge"], cwd=clone, check=True)
    subprocess.run(["git", "checkout", "-q", "--detach", "FETCH_HEAD"], cwd=clone, check=True)
    [command] = recipe_commands("On GitHub")
    done = subprocess.run(
        ["bash", "-c", command.replace("secpat check", f"{sys.executable} -m secpat check", 1) + " --format json"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert reported(done) == [NEW]


def test_the_gitlab_merge_request_recipe(repo: Repo, tmp_path: Path) -> None:
    moved_and_one_added(repo)
    repo.commit({"app/tokens.py": TOKENS + "\n\ndef unrelated():\n    return 1\n"})
    clone = tmp_path / "checkout"  # GIT_DEPTH: 0 is a full clone
    subprocess.run(["git", "clone", "-q", "--branch", "feature", f"file://{repo.path}", str(clone)], check=True)
    base = subprocess.run(
        ["git", "merge-base", "origin/main", "HEAD"], cwd=clone, capture_output=True, text=True, check=True
    ).stdout.strip()
    [command] = recipe_commands("On GitLab")
    done = subprocess.run(
        ["bash", "-c", command.replace("secpat check", f"{sys.executable} -m secpat check", 1) + " --format json"],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CI_MERGE_REQUEST_DIFF_BASE_SHA": base},
    )
    assert done.returncode == 1, done.stderr
    assert reported(done) == [NEW]
