"""Real git histories for the history benchmark: one commit per sdist release of a project.

Each release's sdist is downloaded once from the package index (`pip download --no-deps
--no-binary :all:`) into a cache outside the repository, unpacked and committed in version order,
so the blobs, renames, vendored and built assets and the sizes are a real project's. Feature
releases (X.Y) go on `main`; patch releases (X.Y.Z) on a `stable/X.Y.x` branch cut from their
feature release, as projects keep them. Every release is tagged, a few dozen review branches
point into the history, and a handful of branches add one commit each with a planted secret, one
of them in a minified vendored file (which the history scan skips on purpose). The built
repository is cached too: its releases are committed again only when the release list or the
layout changes, and its planted branches are set again when they change.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

CACHE = Path(os.environ.get("SECPAT_BENCH_CACHE", "~/.cache/secpat-bench")).expanduser()
LAYOUT = 1  # bump when the way repositories are built changes: cached ones are then rebuilt
EPOCH = 1_577_836_800  # 2020-01-01T00:00:00Z: release n is committed n days later

PROJECTS: dict[str, tuple[str, ...]] = {
    "django": (
        "2.2",
        "3.0",
        "3.0.5",
        "3.1",
        "3.1.5",
        "3.2",
        "3.2.5",
        "3.2.10",
        "4.0",
        "4.0.5",
        "4.1",
        "4.1.5",
        "4.2",
        "4.2.5",
        "4.2.10",
        "5.0",
        "5.0.5",
        "5.1",
        "5.1.5",
        "5.2",
    ),
    "wagtail": (
        "2.10",
        "2.11",
        "2.12",
        "2.13",
        "2.14",
        "2.15",
        "2.16",
        "3.0",
        "4.0",
        "4.1",
        "4.2",
        "5.0",
        "5.1",
        "5.2",
        "6.0",
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "7.0",
    ),
    "mlflow": (
        "2.0.1",
        "2.1.1",
        "2.2.0",
        "2.3.0",
        "2.4.0",
        "2.5.0",
        "2.6.0",
        "2.7.0",
        "2.8.0",
        "2.9.0",
        "2.10.0",
        "2.11.0",
        "2.12.1",
        "2.13.0",
        "2.14.0",
        "2.15.0",
        "2.16.0",
        "2.17.0",
        "2.18.0",
        "2.19.0",
    ),
}

#: Secrets committed on branches of their own: (branch, path, content). The values have the
#: providers' formats but are random; none is a live credential.
PLANTED: tuple[tuple[str, str, str], ...] = (
    ("feature/deploy-env", "deploy/.env", "SECRET_KEY=9f3c0c6d61c3c2e7b2c5a2b41a6f9d88\nDEBUG=false\n"),
    (
        "feature/ci-token",
        ".github/workflows/release.yml",
        "jobs:\n  release:\n    env:\n      GH_TOKEN: ghp_hHTRJzwYDhrWwNb9SnkSrkpUjwaBEmZiBwIp\n",
    ),
    (
        "feature/payments",
        "payments/stripe_client.py",
        'import stripe\n\nstripe.api_key = "sk_live_xMqLPaZXhTmpRa5TvpHV0eTr"\n',
    ),
    ("feature/aws", "ops/aws_settings.py", 'AWS_ACCESS_KEY_ID = "AKIA3IAUXI2KWPJJPPYM"\n'),
    # Minified third-party code is skipped by the history scan, with a notice: this one is not found.
    (
        "feature/vendored-widget",
        "static/vendor/widget.min.js",
        'var w={k:"AKIA4XVQ7PLM2ZT3RB6N"};' + "function f(a){return a+1};" * 200 + "\n",
    ),
)
REVIEW_BRANCHES = 40


def release_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def feature_of(version: str) -> str:
    """`4.2` for 4.2, 4.2.0 and 4.2.5."""
    return ".".join(version.split(".")[:2])


def is_feature_release(version: str) -> bool:
    parts = version.split(".")
    return len(parts) == 2 or parts[2] == "0"


def sdist(project: str, version: str) -> Path:
    """The cached sdist of `project==version`, downloaded on first use."""
    folder = CACHE / "sdists" / project
    found = _cached_sdist(folder, project, version)
    if found is None:
        folder.mkdir(parents=True, exist_ok=True)
        print(f"downloading {project}=={version}", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                "--no-binary",
                ":all:",
                f"{project}=={version}",
                "-d",
                str(folder),
            ],
            check=True,
        )
        found = _cached_sdist(folder, project, version)
        if found is None:
            raise SystemExit(f"pip downloaded no sdist of {project}=={version} into {folder}")
    return found


def _cached_sdist(folder: Path, project: str, version: str) -> Path | None:
    wanted = re.compile(rf"{re.escape(project)}[-_]{re.escape(version)}\.(tar\.gz|zip)", re.IGNORECASE)
    if not folder.is_dir():
        return None
    return next((p for p in sorted(folder.iterdir()) if wanted.fullmatch(p.name)), None)


def build(project: str, versions: tuple[str, ...] | None = None) -> Path:
    """The benchmark repository of `project`, built (and cached) from its release series."""
    versions = tuple(sorted(versions or PROJECTS[project], key=release_key))
    digest = hashlib.sha256(json.dumps([LAYOUT, project, versions]).encode()).hexdigest()[:10]
    repo = CACHE / "repos" / f"{project}-{len(versions)}-{digest}"
    if not (repo / ".built").exists():
        _commit_releases(repo, project, versions)
    planted = repo / f".planted-{hashlib.sha256(json.dumps(PLANTED).encode()).hexdigest()[:10]}"
    if not planted.exists():
        _plant(repo, len(versions))
        planted.write_text("")
    return repo


def _commit_releases(repo: Path, project: str, versions: tuple[str, ...]) -> None:
    archives = [sdist(project, v) for v in versions]
    if repo.exists():
        shutil.rmtree(repo)
    print(f"building {repo}", file=sys.stderr)
    repo.parent.mkdir(parents=True, exist_ok=True)
    _git(repo.parent, "init", "-q", "-b", "main", repo.name)
    heads: dict[str, str] = {}  # branch -> its newest commit
    for number, (version, archive) in enumerate(zip(versions, archives)):
        feature = feature_of(version)
        branch = "main" if is_feature_release(version) else f"stable/{feature}.x"
        parent = heads.get(branch) or heads.get(f"release/{feature}") or heads.get("main")
        with tempfile.TemporaryDirectory(prefix="secpat-sdist-") as unpacked:
            top = _unpack(archive, Path(unpacked))
            tree = _tree_of(repo, top)
        commit = _commit(repo, tree, parent, f"Release {project} {version}", number)
        heads[branch] = commit
        heads.setdefault(f"release/{feature}", commit)
        _git(repo, "tag", f"v{version}", commit)
    for branch, commit in heads.items():
        if not branch.startswith("release/"):
            _git(repo, "update-ref", f"refs/heads/{branch}", commit)
    releases = _git(repo, "rev-list", "--reverse", "--tags").split()
    for number in range(REVIEW_BRANCHES):
        _git(repo, "update-ref", f"refs/heads/review/{number:02d}", releases[number * len(releases) // REVIEW_BRANCHES])
    _git(repo, "checkout", "-q", "-f", "main")
    _git(repo, "repack", "-a", "-d", "-q")
    (repo / ".built").write_text(json.dumps({"project": project, "versions": versions}) + "\n")


def _plant(repo: Path, releases_count: int) -> None:
    """One branch per planted secret, each a commit on a release, replacing any planted before."""
    for ref in _git(repo, "for-each-ref", "--format=%(refname)", "refs/heads/feature/").split():
        _git(repo, "update-ref", "-d", ref)
    releases = _git(repo, "rev-list", "--reverse", "--tags").split()
    for number, (branch, path, content) in enumerate(PLANTED):
        base = releases[(number + 1) * len(releases) // (len(PLANTED) + 1)]
        commit = _commit(repo, _tree_with(repo, base, path, content), base, f"Add {path}", releases_count + number)
        _git(repo, "update-ref", f"refs/heads/{branch}", commit)


def _unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    (top,) = [p for p in into.iterdir() if p.is_dir()]
    return top


def _tree_of(repo: Path, folder: Path) -> str:
    """The tree object of `folder`'s files, written into `repo` through an index of its own."""
    with tempfile.TemporaryDirectory(prefix="secpat-index-") as scratch:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(scratch) / "index")}
        _git(repo, "--work-tree", str(folder), "add", "-A", "-f", ".", env=env)
        return _git(repo, "write-tree", env=env).strip()


def _tree_with(repo: Path, base: str, path: str, content: str) -> str:
    """`base`'s tree with one file added."""
    blob = _git(repo, "hash-object", "-w", "--stdin", input=content).strip()
    with tempfile.TemporaryDirectory(prefix="secpat-index-") as scratch:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(scratch) / "index")}
        _git(repo, "read-tree", base, env=env)
        _git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        return _git(repo, "write-tree", env=env).strip()


def _commit(repo: Path, tree: str, parent: str | None, message: str, day: int) -> str:
    stamp = f"{EPOCH + day * 86_400} +0000"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Release",
        "GIT_AUTHOR_EMAIL": "release@example.com",
        "GIT_COMMITTER_NAME": "Release",
        "GIT_COMMITTER_EMAIL": "release@example.com",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    return _git(repo, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message, env=env).strip()


def _git(cwd: Path, *args: str, env: dict[str, str] | None = None, input: str | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, input=input, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


if __name__ == "__main__":
    for name in sys.argv[1:] or PROJECTS:
        print(build(name))
