"""The findings already present at a git revision, for `check --diff-base REF`.

REF's files are checked out into a new temporary git work tree that borrows the
repository's objects (git's `alternates`): the user's work tree, index and refs
are never written, nothing is fetched, and the copy is a real work tree, so the
rules that ask git what is tracked see what REF tracked. The copy is scanned
with the same configuration, its paths laid out as in the work tree, so each
finding has the fingerprint it would have there (rule, path, enclosing scope
and code, never the line); it is removed afterwards.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from secpat.config import Config
from secpat.discovery import classify
from secpat.findings import Finding, ScanResult

__all__ = ["DiffBaseError", "Revision", "checkout", "scan_at", "toplevel"]

#: Variables that point git at a repository, an index or an object store. git sets some of them
#: for its hooks (GIT_INDEX_FILE during a commit); the temporary work tree must not inherit them.
_LOCATING_PATHS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR")
_LOCATING = (*_LOCATING_PATHS, "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX")


class DiffBaseError(Exception):
    """The revision cannot be read: not a git repository, an unknown revision, objects missing."""


@dataclasses.dataclass(frozen=True, slots=True)
class Revision:
    name: str  # as the user wrote it
    commit: str | None  # None for the unborn branch of a repository with no commit yet

    @property
    def shown(self) -> str:
        return f"{self.name} ({self.commit[:10]})" if self.commit else f"{self.name} (no commit yet)"


def _run(
    args: Sequence[str], cwd: Path, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        # No fsmonitor program from a repository's own configuration ever runs on secpat's behalf.
        return subprocess.run(
            ["git", "-c", "core.fsmonitor=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=_repository_env() if env is None else env,
        )
    except OSError as exc:
        raise DiffBaseError(f"cannot run git: {exc.strerror or exc}") from None


def _error(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1].removeprefix("fatal: ").removeprefix("error: ") if lines else f"exit status {done.returncode}"


def toplevel(path: Path) -> Path:
    """The top of the git work tree holding `path`."""
    directory = path if path.is_dir() else path.parent
    done = _run(["rev-parse", "--show-toplevel"], directory.resolve())
    if done.returncode != 0 or not done.stdout.strip():
        raise DiffBaseError(f"{path}: not in a git work tree ({_error(done)})")
    return Path(os.fsdecode(done.stdout.rstrip(b"\n"))).resolve()


def resolve(ref: str, top: Path) -> Revision:
    """The commit `ref` names in the repository at `top`; HEAD of a repository with no commit is empty."""
    if not ref or ref.startswith("-"):
        raise DiffBaseError(f"{ref!r} is not a revision")
    done = _run(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top)
    if done.returncode == 0:
        return Revision(ref, done.stdout.decode("ascii").strip())
    if ref in ("HEAD", "@") and _run(["rev-list", "-n", "1", "--all"], top).stdout == b"":
        return Revision(ref, None)  # the first commit: everything in it is new
    raise DiffBaseError(f"unknown revision {ref!r} in {top} (a branch, tag or commit, e.g. origin/main)")


def _repository_env() -> dict[str, str]:
    """git in the user's repository, from any directory: a locating variable given relative to where
    secpat was started (as git exports them to its hooks) is made absolute."""
    env = dict(os.environ)
    for name in _LOCATING_PATHS:
        if env.get(name):
            env[name] = os.path.abspath(env[name])
    return env


def _isolated_env() -> dict[str, str]:
    """git in the temporary work tree: no inherited repository, no user or system configuration
    (so no filter, hook or fsmonitor program runs), no prompt."""
    env = {k: v for k, v in os.environ.items() if k not in _LOCATING}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_TERMINAL_PROMPT="0")
    return env


@contextmanager
def _without_locating_variables() -> Iterator[None]:
    """Hide git's locating variables from the rules that run git during a scan of the copy."""
    saved = {k: os.environ.pop(k) for k in _LOCATING if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


@contextmanager
def checkout(revision: Revision, top: Path, into: str = "") -> Iterator[Path]:
    """Check out `revision` of the repository at `top` into a new temporary directory (at `into`
    below it), yield the directory, and remove it afterwards."""
    objects = _run(["rev-parse", "--path-format=absolute", "--git-path", "objects"], top)
    if objects.returncode != 0:
        raise DiffBaseError(f"{top}: cannot locate the object store ({_error(objects)})")
    exclude = _run(["rev-parse", "--path-format=absolute", "--git-path", "info/exclude"], top)
    temporary = Path(tempfile.mkdtemp(prefix="secpat-base-"))
    try:
        tree = temporary / into
        tree.mkdir(parents=True, exist_ok=True)

        def git(*args: str, stdin: bytes | None = None) -> bytes:
            done = _run(args, tree, _isolated_env(), stdin)
            if done.returncode != 0:
                raise DiffBaseError(f"cannot check out {revision.shown}: git {args[0]}: {_error(done)}")
            return done.stdout

        git("init", "--quiet")
        (tree / ".git" / "objects" / "info" / "alternates").write_bytes(objects.stdout)
        if exclude.returncode == 0:  # the work tree's private ignore rules apply to the copy too
            source = Path(os.fsdecode(exclude.stdout.rstrip(b"\n")))
            if source.is_file():
                shutil.copyfile(source, tree / ".git" / "info" / "exclude")
        git("read-tree", *([revision.commit] if revision.commit else ["--empty"]))
        # Only the files a scan reads are written (the index still lists every file the revision tracks).
        wanted = [
            (blob, path) for blob, path in _index_entries(git("ls-files", "--stage", "-z")) if _read_by_scan(path)
        ]
        git("checkout-index", "--force", "-z", "--stdin", stdin=b"\0".join(path for _, path in wanted))
        # Times made from object ids: scanned again, the revision looks unchanged to the cache (its
        # results and the project stage's are reused), and a file that changed never does.
        for blob, path in wanted:
            _stamp(tree / os.fsdecode(path), blob)
        _stamp(tree / ".git" / "index", revision.commit or "0")
        with _without_locating_variables():
            yield temporary
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def scan_at(
    revision: str, targets: Sequence[Path], config: Config, scan: Callable[[list[Path], Config], ScanResult]
) -> tuple[Revision, ScanResult]:
    """Scan what `targets` name as it is at `revision`, with `config` (its root moved into the copy);
    `scan(paths, config)` runs the scan."""
    top = toplevel(targets[0])
    rev = resolve(revision, top)
    root = config.root.resolve()
    anchor = Path(os.path.commonpath([root, top]))
    resolved = []
    for target in targets:
        path = target.resolve()
        if path != top and top not in path.parents:
            raise DiffBaseError(f"{target}: not in the git work tree {top}")
        resolved.append(path)
    with checkout(rev, top, into=top.relative_to(anchor).as_posix()) as copy:
        there = list(dict.fromkeys(_existing(copy / path.relative_to(anchor)) for path in resolved))
        moved = dataclasses.replace(config, root=copy / root.relative_to(anchor))
        result = scan(there, moved)

    def shown(repository_path: str) -> str:  # as finding paths are: relative to the root
        return Path(os.path.relpath(top / repository_path, root)).as_posix()

    renamed = {shown(old): shown(new) for old, new in _renames(rev, top).items()}
    result.findings = [
        _moved(f, renamed[f.location.path]) if f.location.path in renamed else f for f in result.findings
    ]
    return rev, result


def _index_entries(listing: bytes) -> Iterator[tuple[str, bytes]]:
    """(blob id, path) of each file in `git ls-files --stage -z` output; submodules are not files."""
    for entry in listing.split(b"\0"):
        info, _, path = entry.partition(b"\t")
        fields = info.split()
        if len(fields) == 3 and fields[0] != b"160000":
            yield fields[1].decode("ascii"), path


def _stamp(path: Path, object_id: str) -> None:
    # Whole seconds, so a file system that keeps no finer times keeps all of it.
    seconds = int(object_id[:7], 16)
    try:
        os.utime(path, ns=(seconds * 1_000_000_000,) * 2, follow_symlinks=False)
    except OSError:
        pass  # a name the file system refused: the scan does not see that file either


def _read_by_scan(path: bytes) -> bool:
    name = os.fsdecode(path).rsplit("/", 1)[-1]
    return name == ".gitignore" or classify(name) != "other"


def _existing(path: Path) -> Path:
    """`path`, or the nearest directory above it that the revision has. A path the work tree has and
    the revision does not is new; scanning the directory around it still finds what the revision has
    that concerns it (a tracked `.env` is reported whichever part of the project is checked)."""
    while not (path.exists() or path.is_symlink()):
        path = path.parent
    return path


def _renames(revision: Revision, top: Path) -> dict[str, str]:
    """Files git sees renamed between `revision` and the work tree (paths relative to `top`), so a
    finding in a moved file keeps its identity."""
    if revision.commit is None:
        return {}
    done = _run(["diff-index", "-M", "--name-status", "-z", "--diff-filter=R", revision.commit, "--"], top)
    if done.returncode != 0:
        return {}  # renames are a refinement: without them a moved file's findings count as new
    fields = os.fsdecode(done.stdout).split("\0")
    return {fields[i + 1]: fields[i + 2] for i in range(0, len(fields) - 2, 3) if fields[i].startswith("R")}


def _moved(finding: Finding, path: str) -> Finding:
    return dataclasses.replace(finding, location=dataclasses.replace(finding.location, path=path))
