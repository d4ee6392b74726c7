"""The pre-commit hooks of `.pre-commit-hooks.yaml`, installed by a real `pre-commit` from a copy of
this repository and run by real `git commit`s in temporary repositories."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_project import DB, STRIPE

PROJECT = Path(__file__).resolve().parents[1]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Dev",
    "GIT_AUTHOR_EMAIL": "dev@example.com",
    "GIT_COMMITTER_NAME": "Dev",
    "GIT_COMMITTER_EMAIL": "dev@example.com",
}

VIEWS = """\
from flask import Flask, render_template, request

from app.db import find_user

app = Flask(__name__)


@app.route("/users")
def users():
    return {"users": find_user(request.args["name"])}


@app.route("/profile", methods=["GET", "POST"])
def profile():
    return render_template("profile.html", bio=request.form.get("bio", ""))
"""
PROFILE = """\
<h1>Profile</h1>
<p>{{ bio|safe }}</p>
"""


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding this project's files as they are now (pre-commit installs a hook
    from a commit), and that commit."""
    copy = tmp_path_factory.mktemp("hook") / "secpat"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(PROJECT / name, copy / name)
    shutil.copytree(PROJECT / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "secpat")
    return copy, git(copy, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's own store, shared by this module's tests: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV, **(env or {})},
    )
    return done.stdout.strip()


class Project:
    """A project in its own git repository with secpat's pre-commit hook installed."""

    def __init__(self, path: Path, hook_repository: tuple[Path, str], home: Path, hook: str):
        self.path = path
        self.env = {"PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
        path.mkdir()
        git(path, "init", "-q", "-b", "main")
        repository, rev = hook_repository
        (path / ".pre-commit-config.yaml").write_text(
            f"repos:\n  - repo: {repository}\n    rev: {rev}\n    hooks:\n      - id: {hook}\n"
        )
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", "install"],
            cwd=path,
            capture_output=True,
            text=True,
            env={**os.environ, **self.env},
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            (self.path / name).parent.mkdir(parents=True, exist_ok=True)
            (self.path / name).write_text(text)

    def commit(self, *names: str, force: bool = False) -> subprocess.CompletedProcess[str]:
        """Stage `names` and commit them through the installed hook."""
        git(self.path, "add", *(["-f"] if force else []), *names)
        return subprocess.run(
            ["git", "commit", "-m", "change"],
            cwd=self.path,
            capture_output=True,
            text=True,
            env={**os.environ, **GIT_ENV, **self.env},
            timeout=600,
            check=False,
        )

    def commits(self) -> int:
        done = subprocess.run(
            ["git", "rev-list", "--count", "HEAD"], cwd=self.path, capture_output=True, text=True, check=False
        )
        return int(done.stdout) if done.returncode == 0 else 0

    def secpat(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "secpat", *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            env={**os.environ, **self.env},
            timeout=300,
            check=False,
        )


@pytest.fixture
def project(tmp_path: Path, hook_repository: tuple[Path, str], pre_commit_home: Path) -> Project:
    return Project(tmp_path / "project", hook_repository, pre_commit_home, "secpat")


def test_the_hook_passes_every_staged_file_to_secpat() -> None:
    hooks = (PROJECT / ".pre-commit-hooks.yaml").read_text()
    # pre-commit filters by file type only when told to: a `types`, `types_or` or `files` key would
    # keep `.env` files, templates or configuration from the hook.
    for key in ("types:", "types_or:", "files:"):
        assert key not in hooks


@pytest.mark.parametrize("ignored", [False, True], ids=["env", "git-ignored-env-added-with-force"])
def test_a_secret_in_a_staged_env_file_blocks_the_commit(project: Project, ignored: bool) -> None:
    project.write(
        {
            "app/__init__.py": "",
            "app/settings.py": 'import os\n\nDEBUG = os.environ.get("DEBUG") == "1"\n',
            ".gitignore": ".env.production\n" if ignored else "*.pyc\n",
        }
    )
    first = project.commit(".pre-commit-config.yaml", ".gitignore", "app")
    assert first.returncode == 0, first.stdout + first.stderr
    project.write({".env.production": f"STRIPE_SECRET_KEY={STRIPE}\nDATABASE_URL=postgres://app@db/app\n"})

    blocked = project.commit(".env.production", force=ignored)

    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert ".env.production:1:" in output and "SECRET001" in output
    assert STRIPE not in output
    assert project.commits() == 1  # nothing was committed
    # What the finding advises instead, an example file with placeholders, commits.
    git(project.path, "reset", "-q")
    project.write({".env.example": "STRIPE_SECRET_KEY=<your-stripe-key>\nDATABASE_URL=postgres://app@db/app\n"})
    accepted = project.commit(".env.example")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert project.commits() == 2


def test_a_staged_template_is_checked_with_the_views_that_render_it(project: Project) -> None:
    project.write({"app/__init__.py": "", "app/db.py": DB, "app/views.py": VIEWS})
    git(project.path, "add", ".")
    git(project.path, "commit", "-q", "--no-verify", "-m", "the views, before the hook was used")
    project.write({"app/templates/profile.html": PROFILE})

    blocked = project.commit("app/templates/profile.html")

    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    # The evidence is in a file that was not staged: the view passing request data to the template.
    assert "app/templates/profile.html:2:" in output and "XSS004" in output and "app/views.py" in output
    assert project.commits() == 1
    # Checked alone, as a hook that scans only the staged files would, the template has nothing to show.
    alone = project.secpat("check", "app/templates/profile.html", "--format", "json")
    assert json.loads(alone.stdout)["findings"] == []


def test_a_one_line_change_brings_back_no_baselined_cross_module_finding(project: Project) -> None:
    project.write(
        {
            "pyproject.toml": '[tool.secpat]\naudit = true\nbaseline = ".secpat-baseline.json"\n',
            "app/__init__.py": "",
            "app/db.py": DB,
            "app/views.py": VIEWS,
            "app/templates/profile.html": PROFILE,
        }
    )
    made = project.secpat("baseline", ".")
    assert made.returncode == 0, made.stderr
    baseline = json.loads((project.path / ".secpat-baseline.json").read_text())
    accepted = {(f["rule"], f["path"]) for f in baseline["findings"]}
    assert ("SQL002", "app/db.py") in accepted  # request data from app/views.py reaches the query in app/db.py
    first = project.commit(".")
    assert first.returncode == 0, first.stdout + first.stderr

    project.write({"app/db.py": DB.replace("def find_user(name):", "def find_user(name):  # one line changed")})
    passed = project.commit("app/db.py")

    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert project.commits() == 2
    # Checked alone, the module loses the flow from app/views.py: its finding reads as a new SQL001.
    alone = project.secpat("check", "app/db.py", "--format", "json")
    assert [f["rule_id"] for f in json.loads(alone.stdout)["findings"]] == ["SQL001"]

    # A one-line change that adds an injection to the same module is still caught.
    project.write(
        {
            "app/db.py": DB + '\n\ndef count(table):\n    return sqlite3.connect("app.db")'
            '.execute("SELECT count(*) FROM " + table)\n'
        }
    )
    blocked = project.commit("app/db.py")
    assert blocked.returncode != 0 and "app/db.py:10:" in blocked.stdout + blocked.stderr
    assert project.commits() == 2


def test_only_staged_files_are_judged(project: Project) -> None:
    project.write(
        {
            "app/__init__.py": "",
            "app/db.py": DB,
            "app/views.py": VIEWS,
            "scratch.py": "def broken(:\n",
            "notes/.env": f"STRIPE_SECRET_KEY={STRIPE}\n",
            "logo.png": "\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        }
    )
    # A file that does not parse, a secret and an injection in files not staged do not block a commit.
    first = project.commit(".pre-commit-config.yaml", "app/__init__.py", "logo.png")
    assert first.returncode == 0, first.stdout + first.stderr

    second = project.commit("app/db.py")

    output = second.stdout + second.stderr
    assert second.returncode != 0
    assert "app/db.py:6:" in output and "SQL002" in output
    assert "scratch.py" not in output and "notes/.env" not in output
    assert not any(line.startswith("app/views.py") for line in output.splitlines())  # not staged


def test_the_new_findings_hook_reports_only_what_the_commit_adds(
    tmp_path: Path, hook_repository: tuple[Path, str], pre_commit_home: Path
) -> None:
    project = Project(tmp_path / "project", hook_repository, pre_commit_home, "secpat-new")
    project.write({"app/__init__.py": "", "app/db.py": DB, "app/views.py": VIEWS})
    # The first commit has no HEAD to compare with: everything in it is new.
    first = project.commit(".")
    assert first.returncode != 0 and "app/db.py:6:" in first.stdout + first.stderr
    git(project.path, "commit", "-q", "--no-verify", "-m", "accepted as it is")

    project.write({"app/db.py": "# Queries.\n\n" + DB})  # the old finding moves two lines down
    moved = project.commit("app/db.py")
    assert moved.returncode == 0, moved.stdout + moved.stderr

    project.write({".env": f"STRIPE_SECRET_KEY={STRIPE}\n"})
    blocked = project.commit(".env")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and ".env:1:" in output and "app/db.py" not in output
    assert project.commits() == 2


def run_secpat(cwd: Path, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "secpat", "check", *args, "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


#: A sign-in with no rate limit (RATE001), in a file the whole-project runs below do not name.
LOGIN = """\
from flask import request, session
from werkzeug.security import check_password_hash

from app.db import password_hash_of
from app.views import app


@app.post("/login")
def login():
    if check_password_hash(password_hash_of(request.form["username"]), request.form["password"]):
        session["user"] = request.form["username"]
    return "ok"
"""


def test_whole_project_outside_git_reports_only_the_named_files(tmp_path: Path) -> None:
    (tmp_path / "app" / "templates").mkdir(parents=True)
    for name, text in {
        "app/__init__.py": "",
        "app/db.py": DB,
        "app/views.py": VIEWS,
        "app/login.py": LOGIN,
        "app/templates/profile.html": PROFILE,
        "broken.py": "def broken(:\n",
    }.items():
        (tmp_path / name).write_text(text)
    report = run_secpat(tmp_path, "--whole-project", "app/db.py", "app/templates")
    assert [(f["rule_id"], f["path"]) for f in report["findings"]] == [
        ("SQL002", "app/db.py"),
        ("XSS004", "app/templates/profile.html"),
    ]
    assert report["notices"] == []  # broken.py's syntax error is not about the files checked
    rate = next(row for row in report["checklist"] if row["pattern"] == 7)
    assert rate["state"] == "hidden" and "outside the files checked" in rate["reason"]


def test_whole_project_leaves_excluded_files_out(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.secpat]\nexclude = ["legacy/"]\n')
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "settings.py").write_text('DEBUG = True\nSECRET_KEY = "Zq8vN2rT5wXy7Lm3Pk9Hs4Jd6Fg1Ab0C"\n')
    (tmp_path / "settings.py").write_text("DEBUG = True\n")
    report = run_secpat(tmp_path, "--whole-project", "legacy/settings.py", "settings.py")
    assert [(f["rule_id"], f["path"]) for f in report["findings"]] == [("CONF001", "settings.py")]
