"""`secpat history`: secrets anywhere in a repository's git history (SECRET004).

Nothing is checked out. One `git log` lists, oldest first, every blob each
commit added (all refs and stashes, or the branches asked for); one
`git ls-tree` lists HEAD's blobs; `git cat-file --batch` streams the
contents. Each blob is read and scanned once, with the same recognisers as
`secpat check` (known formats, secret-named values, literal fallbacks, secret
files). A secret that lives through many commits is one finding, at the
commit and path that introduced it, marked present or gone at HEAD. A
repository with thousands of commits needs a few git processes, not thousands:
a large history is shared among worker processes, each with one `cat-file`
stream per batch of paths.

Binary blobs, third-party and minified code and blobs over max-file-size are
not scanned; notices count them by reason. A later blob of a path is searched
only on the lines its previous blob did not have, and on the lines that bind a
secret's name or read the environment, which are remembered from blob to blob.
A Python blob is parsed only when its text may hold a secret the model would
find and no earlier blob of the same path held: most versions of most files
are scanned as text alone.

Nothing is fetched either: a shallow clone, the blobs a partial clone never
downloaded and objects that cannot be read are reported as notices, and the
scan covers the rest.
"""

from __future__ import annotations

import ast
import functools
import itertools
import os
import re
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import IO

from ahocorasick_rs import AhoCorasick, MatchKind

from secpat.config import Config
from secpat.discovery import classify
from secpat.findings import Confidence, Finding, Location, Notice, NoticeKind, ScanResult
from secpat.model.module import Module, names_credentials
from secpat.names import SECRET_NAME_WORDS
from secpat.parsing import ParseError, decode_source, parse_python
from secpat.rules import registry
from secpat.rules.secrets import (
    _ENV_READ_WORDS,
    _LITERAL_AFTER,
    _NAME_BEFORE,
    _SELF_MADE,
    CREDENTIAL_PAIRS,
    SECRET004,
    Hit,
    confidence_for,
    may_bind_secrets,
    python_hits,
    secret_file_reason,
    text_hits,
)
from secpat.secrets.entropy import judge_literal, secret_kind
from secpat.secrets.formats import _ascii_lower
from secpat.suppression import parse_suppressions

__all__ = ["HistoryError", "HistoryOptions", "scan_history"]

_NULL_SHA = "0" * 40
_SKIPPED_MODES = {"160000", "120000", "000000"}  # submodules, symlinks, deletions
#: Binary formats never worth reading, recognised by name before any byte is fetched.
_BINARY_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".ico",
        ".webp",
        ".bmp",
        ".svgz",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".7z",
        ".tar",
        ".whl",
        ".egg",
        ".jar",
        ".pdf",
        ".mp3",
        ".mp4",
        ".mov",
        ".avi",
        ".webm",
        ".pyc",
        ".pyo",
        ".so",
        ".dylib",
        ".dll",
        ".exe",
        ".o",
        ".a",
        ".mo",
        ".sqlite",
        ".sqlite3",
        ".db",
        ".parquet",
        ".npy",
        ".npz",
        ".pkl",
        ".pickle",
    }
)


class HistoryError(Exception):
    """The repository cannot be read (not a git repository, git missing, a bad ref)."""


@dataclass(frozen=True, slots=True)
class HistoryOptions:
    since: str | None = None  # passed to `git log --since` (e.g. "2024-01-01", "6 months ago")
    branches: tuple[str, ...] = ()  # empty: every ref and every stash


@dataclass(frozen=True, slots=True)
class _Origin:
    """Where a blob first appeared: the oldest commit (in topological order) that added it."""

    commit: str
    timestamp: int
    path: str


@dataclass
class _Secret:
    hit: Hit
    origin: _Origin
    blobs: set[str] = field(default_factory=set)  # every scanned blob it appears in


def scan_history(
    repo: Path,
    config: Config,
    options: HistoryOptions = HistoryOptions(),
    progress: Callable[[int, int], None] | None = None,
) -> ScanResult:
    """Every secret in the history of the repository at `repo`, one finding per secret.

    `progress(done, total)` is called as blobs are scanned, from the first one on."""
    started = time.perf_counter()
    repository = _repository(repo)
    top = repository.top
    notices: list[Notice] = []
    stashes = _stash_commits(repository.common_dir) if not options.branches else []
    origins, secret_paths = _introduced_blobs(repository, options, stashes)
    head = _head_tree(top, notices)
    head_paths = {path for paths in head.values() for path in paths}
    skipped: Counter[str] = Counter()  # reason -> blobs not scanned for it
    to_read: list[str] = []
    for blob, path in [
        *((b, o.path) for b, o in origins.items()),
        *((b, paths[0]) for b, paths in head.items() if b not in origins),
    ]:
        reason = skip_reason(path)
        if reason:
            skipped[reason] += 1
        else:
            to_read.append(blob)
    if repository.shallow:
        notices.append(_shallow_notice(repository.boundary))
    if repository.partial:
        to_read = _fetched_only(repository, to_read, notices)

    secrets: dict[str, _Secret] = {}
    file_hits: set[str] = set()  # paths whose first blob held a recognised secret
    file_reasons: dict[str, str] = {}
    scanned = 0
    items = []
    for blob in to_read:
        origin = origins.get(blob)
        path = origin.path if origin else head[blob][0]
        items.append(_Item(blob, path, origin is not None and path in secret_paths, blob in head))
    for item, outcome in _scan_items(top, items, config.max_file_size, progress):
        origin = origins.get(item.blob)
        path = item.path
        if outcome.problem:
            where = f" (from commit {origin.commit[:10]})" if origin else " (at HEAD)"
            notices.append(
                Notice(
                    path,
                    NoticeKind.UNREADABLE,
                    f"blob {item.blob}{where} could not be read: {outcome.problem}; not scanned",
                )
            )
            continue
        if outcome.skipped:
            skipped[outcome.skipped] += 1
            if (
                outcome.skipped == "too-large"
                and origin is not None
                and classify(PurePosixPath(path).name) in ("python", "env", "config")
            ):
                notices.append(
                    Notice(path, NoticeKind.TOO_LARGE, f"blob {item.blob[:10]} is over max-file-size; not scanned")
                )
            continue
        scanned += 1
        for hit in outcome.hits:
            known = secrets.get(hit.secret)
            if known is None and origin is not None:
                known = secrets[hit.secret] = _Secret(hit, origin)
            if known is not None:
                known.blobs.add(item.blob)
        if item.secret_path:
            if outcome.hits:
                file_hits.add(path)
            if outcome.file_reason:
                file_reasons[path] = outcome.file_reason
    notices.extend(_skipped_notices(skipped, config.max_file_size))

    boundary = frozenset(repository.boundary)
    findings = [
        _secret_finding(s, head, confidence_for(s.hit, config, s.origin.path), boundary) for s in secrets.values()
    ]
    for path, origin in secret_paths.items():
        reason = file_reasons.get(path) or secret_file_reason(path, None)
        if reason and path not in file_hits:
            findings.append(_file_finding(path, reason, origin, path in head_paths, boundary))
    findings = [
        f
        for f in findings
        if config.is_enabled(f.rule_id, f.location.path)
        and f.confidence >= config.min_confidence
        and f.severity >= config.report_level
    ]
    return ScanResult(
        findings=sorted(findings, key=Finding.sort_key),
        notices=sorted(notices, key=lambda n: (n.path, n.message)),
        files_scanned=scanned,
        root=str(top),
        command="history",
        patterns_checked=frozenset({SECRET004.pattern}) if config.is_enabled(SECRET004.id, "") else frozenset(),
        duration_s=time.perf_counter() - started,
    )


#: Why blobs were not scanned, as the notice that counts them says it.
_SKIP_REASONS = {
    "binary": (NoticeKind.BINARY, "binary (images, archives, compiled files: by name, or NUL bytes in the content)"),
    "vendored": (
        NoticeKind.VENDORED,
        "third-party or minified code (node_modules/, vendor/, *.min.js, *.map, minified JavaScript and CSS)",
    ),
    "too-large": (NoticeKind.TOO_LARGE, "over max-file-size ({limit:,} bytes; raise it in [tool.secpat] to scan them)"),
}


def _skipped_notices(skipped: Counter[str], limit: int) -> list[Notice]:
    """One notice per reason blobs were not scanned, with how many."""
    return [
        Notice(".", kind, f"{skipped[reason]:,} blob(s) not scanned: {text.format(limit=limit)}")
        for reason, (kind, text) in _SKIP_REASONS.items()
        if skipped[reason]
    ]


def _shallow_notice(boundary: tuple[str, ...]) -> Notice:
    shown = ", ".join(sha[:10] for sha in boundary[:3])
    if len(boundary) > 3:
        shown += f" and {len(boundary) - 3} more"
    return Notice(
        ".",
        NoticeKind.INCOMPLETE_HISTORY,
        f"shallow clone: history before {shown or 'its oldest commits'} is not in the repository and was"
        " not scanned; run `git fetch --unshallow` and scan again",
    )


# -- git ---------------------------------------------------------------------------------------


def _git_env() -> dict[str, str]:
    """The environment of every git command: git never fetches on secpat's behalf.

    A partial clone fetches a missing object when asked for it, one request per object.
    GIT_NO_LAZY_FETCH stops that on git 2.44 and later; older git ignores it, so an empty
    protocol allow-list makes the fetch it starts fail at once, before any connection.
    """
    return {**os.environ, "GIT_NO_LAZY_FETCH": "1", "GIT_ALLOW_PROTOCOL": "", "GIT_TERMINAL_PROMPT": "0"}


def _command(*args: str) -> list[str]:
    return ["git", "-c", "core.quotepath=off", *args]


def _run(top: Path, *args: str) -> tuple[int, bytes, str]:
    """(exit status, stdout, the last line of stderr) of a git command."""
    try:
        done = subprocess.run(_command(*args), cwd=top, capture_output=True, check=False, env=_git_env())
    except OSError as exc:
        raise HistoryError(f"cannot run git: {exc.strerror or exc}") from None
    return done.returncode, done.stdout, _last_line(done.stderr)


def _git(top: Path, *args: str) -> bytes:
    status, out, error = _run(top, *args)
    if status != 0:
        raise HistoryError(f"git {args[0]} failed: {error or f'exit status {status}'}")
    return out


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1].removeprefix("fatal: ").removeprefix("error: ").strip() if lines else ""


@dataclass(frozen=True, slots=True)
class _Repository:
    common_dir: Path  # where refs, the stash reflog, `shallow` and the object store live
    top: Path  # the top of the working tree, or the git directory of a bare repository
    shallow: bool
    boundary: tuple[str, ...]  # the commits a shallow clone's history is cut at
    partial: bool  # a partial clone: some objects were never fetched


def _repository(repo: Path) -> _Repository:
    if not repo.is_dir():
        raise HistoryError(f"{repo}: no such directory")
    status, out, error = _run(
        repo,
        "rev-parse",
        "--absolute-git-dir",
        "--git-common-dir",
        "--is-shallow-repository",
        "--is-inside-work-tree",
        "--show-cdup",
    )
    if status != 0:
        if "not a git repository" in error.lower():
            raise HistoryError(f"{repo}: not a git repository")
        raise HistoryError(f"{repo}: {error or 'git rev-parse failed'}")
    lines = out.decode("utf-8", errors="surrogateescape").splitlines()
    if len(lines) < 4:
        raise HistoryError(f"{repo}: git rev-parse gave unexpected output")
    git_dir = Path(lines[0])
    common_dir = (repo / lines[1]).resolve()
    # Outside a working tree (a bare repository, or inside .git) there is no --show-cdup line.
    top = (repo / lines[4]).resolve() if lines[3] == "true" and len(lines) > 4 else git_dir
    boundary: tuple[str, ...] = ()
    if lines[2] == "true":
        try:
            boundary = tuple((common_dir / "shallow").read_text(encoding="ascii", errors="replace").split())
        except OSError:
            pass
    # Every pack a partial clone receives is marked by a `.promisor` file next to it.
    partial = any((common_dir / "objects" / "pack").glob("*.promisor"))
    return _Repository(common_dir, top, lines[2] == "true", boundary, partial)


def _stash_commits(common_dir: Path) -> list[str]:
    """Every stash, not only the newest that `--all` reaches: the stash reflog, read as a file."""
    try:
        text = (common_dir / "logs" / "refs" / "stash").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line.split()[1] for line in text.splitlines() if len(line.split()) > 1]


def _introduced_blobs(
    repository: _Repository, options: HistoryOptions, stashes: list[str]
) -> tuple[dict[str, _Origin], dict[str, _Origin]]:
    """Blob -> where it first appeared, oldest commit first; and the first appearance of every
    path that names a secret file (`.env`, `id_rsa`, `*.pem`...), even when its blob is not new."""
    revisions = list(options.branches) if options.branches else ["--all", *stashes]
    args = [
        "log",
        *revisions,
        "--reverse",
        "--topo-order",
        "--raw",
        "-z",
        "--no-abbrev",
        "--no-renames",
        "--diff-merges=first-parent",
        "--format=%x01%H %ct",
    ]
    if options.since:
        args.append(f"--since={options.since}")
    args.append("--")
    origins: dict[str, _Origin] = {}
    secret_paths: dict[str, _Origin] = {}
    commit, timestamp = "", 0
    tokens = _stream(repository, args)
    for token in tokens:
        token = token.lstrip(b"\n")
        if token.startswith(b"\x01"):
            sha, _, stamp = token[1:].decode("ascii", errors="replace").partition(" ")
            commit, timestamp = sha, int(stamp or 0)
            continue
        if not token.startswith(b":"):
            continue
        path = next(tokens, b"").decode("utf-8", errors="surrogateescape")
        meta = token[1:].decode("ascii", errors="replace").split()
        if len(meta) < 5 or meta[1] in _SKIPPED_MODES or meta[3] == _NULL_SHA:
            continue
        blob = meta[3]
        origin = None
        if blob not in origins:
            origin = origins[blob] = _Origin(commit, timestamp, path)
        if path not in secret_paths and _may_hold_secrets(path):
            secret_paths[path] = origin or _Origin(commit, timestamp, path)
    return origins, secret_paths


def _may_hold_secrets(path: str) -> bool:
    """A secret file by name (`.env`, `id_rsa`), or one whose content decides (`*.pem`, `*.json`)."""
    return secret_file_reason(path, None) is not None or PurePosixPath(path).suffix.lower() in _CONTENT_DECIDES


_CONTENT_DECIDES = frozenset({".pem", ".key", ".json"})


def _stream(repository: _Repository, args: list[str], separator: bytes = b"\0") -> Iterator[bytes]:
    """Separated tokens of a git command's output, read as they come (no whole-output buffer)."""
    with tempfile.TemporaryFile() as stderr:  # a file, so a chatty stderr cannot block the pipe
        try:
            process = subprocess.Popen(
                _command(*args), cwd=repository.top, stdout=subprocess.PIPE, stderr=stderr, env=_git_env()
            )
        except OSError as exc:
            raise HistoryError(f"cannot run git: {exc.strerror or exc}") from None
        assert process.stdout is not None
        pending = b""
        with process.stdout:
            while chunk := process.stdout.read(1 << 16):
                pending += chunk
                *complete, pending = pending.split(separator)
                yield from complete
        if pending:
            yield pending
        if process.wait() != 0:
            stderr.seek(0)
            error = _last_line(stderr.read()) or f"exit status {process.returncode}"
            hint = ""
            if repository.partial and "promisor remote" in error:
                hint = (
                    " (this partial clone lacks commit trees, as --filter=tree:0 leaves them, and secpat does"
                    " not fetch: clone with --filter=blob:none or without --filter)"
                )
            raise HistoryError(f"git {args[0]} failed: {error}{hint}")


def _head_tree(top: Path, notices: list[Notice]) -> dict[str, list[str]]:
    """HEAD's blobs -> every path holding it (empty without commits, with a notice saying why)."""
    status, out, error = _run(top, "ls-tree", "-r", "-z", "--full-tree", "HEAD")
    if status != 0:
        notices.append(_head_notice(top, error))
        return {}
    tree: dict[str, list[str]] = {}
    for entry in out.split(b"\0"):
        meta, _, path = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            tree.setdefault(parts[2].decode("ascii"), []).append(path.decode("utf-8", errors="surrogateescape"))
    return tree


def _head_notice(top: Path, error: str) -> Notice:
    """Why HEAD's tree is unknown: an unborn branch, or a tree that cannot be read."""
    if _run(top, "rev-parse", "-q", "--verify", "HEAD^{commit}")[0] != 0:
        status, out, _ = _run(top, "symbolic-ref", "-q", "HEAD")
        branch = out.decode("utf-8", errors="replace").strip() if status == 0 else "HEAD"
        return Notice(
            ".", NoticeKind.CONFIG, f"HEAD is unborn ({branch} has no commit): no finding is marked present at HEAD"
        )
    return Notice(
        ".",
        NoticeKind.UNREADABLE,
        f"HEAD's tree could not be read: {error or 'git ls-tree failed'}; no finding is marked present at HEAD",
    )


def _fetched_only(repository: _Repository, blobs: list[str], notices: list[Notice]) -> list[str]:
    """The blobs a partial clone holds, and a notice counting those it never fetched. Listing the
    object store never fetches, unlike asking for an object that is not there."""
    listing = _stream(
        repository,
        ["cat-file", "--batch-all-objects", "--unordered", "--batch-check=%(objecttype) %(objectname)"],
        b"\n",
    )
    present = {line[5:].decode("ascii") for line in listing if line.startswith(b"blob ")}
    fetched = [blob for blob in blobs if blob in present]
    if len(fetched) < len(blobs):
        notices.append(
            Notice(
                ".",
                NoticeKind.INCOMPLETE_HISTORY,
                f"partial clone: {len(blobs) - len(fetched)} of {len(blobs)} blobs to scan were never"
                " fetched (promisor objects not present) and were not scanned; secpat does not fetch"
                " them: clone without --filter to scan everything",
            )
        )
    return fetched


def _cat_blobs(top: Path, blobs: list[str], limit: int) -> Iterator[tuple[str, bytes | None, str]]:
    """(blob, content, problem) for every blob: content None when over `limit`, or when the blob
    cannot be read and `problem` says why. git stops at an object it cannot read, so the rest
    is asked of a new `git cat-file --batch`: one bad object costs one notice, not the scan."""
    remaining = blobs
    while remaining:
        answered = yield from _cat_batch(top, remaining, limit)
        remaining = remaining[answered:]


def _cat_batch(top: Path, blobs: list[str], limit: int) -> Generator[tuple[str, bytes | None, str], None, int]:
    """Stream `blobs` through one `git cat-file --batch`; return how many were answered."""
    with tempfile.TemporaryFile() as stderr:
        try:
            process = subprocess.Popen(
                _command("cat-file", "--batch"),
                cwd=top,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=_git_env(),
            )
        except OSError as exc:
            raise HistoryError(f"cannot run git: {exc.strerror or exc}") from None
        assert process.stdin is not None and process.stdout is not None
        stdin = process.stdin

        def feed() -> None:  # in its own thread, so a full pipe on either side cannot deadlock
            try:
                stdin.write("".join(f"{b}\n" for b in blobs).encode("ascii"))
                stdin.close()
            except OSError:  # git stopped early; what it answered is read below
                pass

        def failure() -> str:
            process.kill()
            process.wait()
            stderr.seek(0)
            return _last_line(stderr.read()) or "git cat-file stopped"

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        out = process.stdout
        complete = False
        try:
            for index, blob in enumerate(blobs):
                header = out.readline().split()
                if len(header) == 2 and header[1] == b"missing":
                    yield blob, None, "git finds it missing or damaged in the object store"
                    continue
                if len(header) != 3 or header[0].decode("ascii", errors="replace") != blob or not header[2].isdigit():
                    yield blob, None, failure()
                    return index + 1
                size = int(header[2])
                if size > limit:
                    if not _skip(out, size + 1):
                        yield blob, None, failure()
                        return index + 1
                    yield blob, None, ""
                    continue
                data = out.read(size)
                if len(data) < size or out.read(1) != b"\n":  # git died part way through the object
                    yield blob, None, failure()
                    return index + 1
                yield blob, data, ""
            complete = True
            return len(blobs)
        finally:
            if not complete:  # stopped early: by a failure above, or by the caller
                process.kill()
            writer.join(timeout=5)
            out.close()
            process.wait()


def _skip(stream: IO[bytes], count: int) -> bool:
    """Read past `count` bytes; False when the stream ends first."""
    while count > 0:
        chunk = stream.read(min(count, 1 << 20))
        if not chunk:
            return False
        count -= len(chunk)
    return True


# -- scanning one blob ------------------------------------------------------------------------


#: Directories of third-party code, copied in rather than written: their secrets are not the project's.
_VENDORED_DIRS = frozenset(
    {"node_modules", "bower_components", "vendor", "vendors", "_vendor", "third_party", "third-party", "thirdparty"}
)
_MINIFIABLE_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".css"})
_MINIFIED_LINE = 300  # mean characters per line above which JavaScript or CSS is minified, not written


def skip_reason(path: str) -> str | None:
    """Why a blob at `path` is not read at all, known from its path alone: "binary", "vendored" or None."""
    pure = PurePosixPath(path)
    name = pure.name.lower()
    suffix = pure.suffix.lower()
    if suffix in _BINARY_SUFFIXES:
        return "binary"
    if (
        ".min." in name
        or name.endswith(("-min.js", "-min.css"))
        or suffix == ".map"
        or any(part.lower() in _VENDORED_DIRS for part in pure.parts[:-1])
    ):
        return "vendored"
    return None


def _content_skip_reason(path: str, data: bytes) -> str | None:
    """Why a blob is not scanned, known from its content: NUL bytes, or minified JavaScript or CSS."""
    sample = data[:65536]
    if b"\0" in sample[:8192]:
        return "binary"
    if (
        PurePosixPath(path).suffix.lower() in _MINIFIABLE_SUFFIXES
        and len(sample) > 4 * _MINIFIED_LINE
        and len(sample) > _MINIFIED_LINE * (sample.count(b"\n") + 1)
    ):
        return "vendored"
    return None


@dataclass(frozen=True, slots=True)
class _Item:
    """A blob to scan, at the path it is reported under."""

    blob: str
    path: str
    secret_path: bool  # a secret file by name: its content may say why (`*.pem`, credentials JSON)
    at_head: bool  # HEAD holds it: every secret in it counts, not only new ones


@dataclass(frozen=True, slots=True)
class _Outcome:
    hits: tuple[Hit, ...] = ()  # the real secrets in it
    file_reason: str | None = None  # why it is a secret file, for a secret path
    skipped: str | None = None  # "binary", "vendored" or "too-large": not scanned
    problem: str = ""  # why it could not be read


_PARALLEL_BLOBS = 400  # below this many blobs a worker pool costs more than it saves
_BATCH_BLOBS = 256  # blobs one worker reads through its own `git cat-file --batch`


def _scan_items(
    top: Path, items: list[_Item], limit: int, progress: Callable[[int, int], None] | None
) -> Iterator[tuple[_Item, _Outcome]]:
    """Every item with what scanning it found, in the order given (which decides where a secret
    was introduced). Large histories are scanned by a pool of worker processes, each reading its
    share of the blobs through a `git cat-file --batch` of its own."""
    total = len(items)
    if progress:
        progress(0, total)
    jobs = os.cpu_count() or 1
    if jobs <= 1 or total < _PARALLEL_BLOBS:
        for done, (item, outcome) in enumerate(_scan_batch(top, limit, items), 1):
            yield item, outcome
            if progress:
                progress(done, total)
        return
    from secpat.engine import (
        _worker_init,  # here: `check`'s engine is a large import that a small history does not need
    )

    batches = _batches(items)
    outcomes: dict[str, _Outcome] = {}
    done = 0
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
        futures = [pool.submit(_scan_batch_list, top, limit, batch) for batch in batches]
        for future in as_completed(futures):
            scanned = future.result()
            outcomes.update((item.blob, outcome) for item, outcome in scanned)
            done += len(scanned)
            if progress:
                progress(done, total)
    for item in items:
        yield item, outcomes[item.blob]


def _batches(items: list[_Item]) -> list[list[_Item]]:
    """About _BATCH_BLOBS items each, every path's items together and in their order."""
    by_path: dict[str, list[_Item]] = {}
    for item in items:
        by_path.setdefault(item.path, []).append(item)
    batches: list[list[_Item]] = [[]]
    for group in by_path.values():
        if len(batches[-1]) >= _BATCH_BLOBS:
            batches.append([])
        batches[-1].extend(group)
    return batches


def _scan_batch_list(top: Path, limit: int, items: list[_Item]) -> list[tuple[_Item, _Outcome]]:
    return list(_scan_batch(top, limit, items))


def _scan_batch(top: Path, limit: int, items: list[_Item]) -> Iterator[tuple[_Item, _Outcome]]:
    """Scan `items` in their order. A path's blobs are all in one batch (see `_batches`), so what
    its earlier blobs held is known when its later ones are scanned."""
    by_blob = {item.blob: item for item in items}
    earlier: dict[str, _Earlier] = {}  # path -> what its blobs scanned so far held
    for blob, data, problem in _cat_blobs(top, list(by_blob), limit):
        item = by_blob[blob]
        if problem:
            yield item, _Outcome(problem=problem)
        elif data is None:
            yield item, _Outcome(skipped="too-large")
        elif reason := _content_skip_reason(item.path, data):
            yield item, _Outcome(skipped=reason)
        else:
            before = earlier.get(item.path, _NOTHING_EARLIER)
            found, after = _scan_blob(item.path, data, before, every_secret=item.at_head)
            # The model's scope is left behind: a finding does not need it, and it would travel with the hit.
            hits = tuple(replace(h, scope=None) for h in found if h.real)
            earlier[item.path] = replace(after, secrets=before.secrets | {h.secret for h in hits})
            yield item, _Outcome(hits, secret_file_reason(item.path, data) if item.secret_path else None)


@dataclass(frozen=True, slots=True)
class _Earlier:
    """What the blobs of a path scanned before held, so that the next one is read only where it differs."""

    secrets: frozenset[str]
    lines: frozenset[str]  # the last one's lines, when every secret on them is in `secrets`
    marked: frozenset[str]  # those of them where a secret's name is bound or the environment is read (`_marks`)


_NOTHING_EARLIER = _Earlier(frozenset(), frozenset(), frozenset())


def _hits(path: str, data: bytes) -> list[Hit]:
    """The same recognisers as `secpat check`: a Python blob through its model, others as text."""
    return _scan_blob(path, data, _NOTHING_EARLIER, every_secret=True)[0]


def _scan_blob(path: str, data: bytes, earlier: _Earlier, *, every_secret: bool) -> tuple[list[Hit], _Earlier]:
    """The secrets in a blob of `path`, and what its next blob is compared with.

    Without `every_secret` (a blob HEAD does not hold, where a secret found before changes nothing)
    a secret in `earlier.secrets` may be left out: a known format is looked for only on the lines
    `earlier.lines` does not have, and the model reads a Python blob only when it may find a secret
    not known yet. Either way the text is searched only on its new lines and on the lines that
    `earlier.marked` says bind a secret's name or read the environment."""
    kind = _kind(path)
    suppressed = b"secpat:" in data
    source = _python_text(data) if kind == "python" else None  # None: not Python, or not decodable as Python
    text = data.decode("utf-8", errors="replace") if source is None else source
    lines = text.split("\n")
    if earlier.lines:
        same = earlier.lines
        new = [number for number, line in enumerate(lines) if line not in same]
    else:
        new = list(range(len(lines)))
    format_lines = new if earlier.lines and not every_secret and not suppressed else None
    marked: frozenset[str] = frozenset()
    if source is not None:
        known = frozenset() if every_secret else earlier.secrets
        hits, marked = _python_hits(path, text, lines, new, earlier.marked, known, format_lines)
    elif kind in ("env", "config"):
        hits = text_hits(kind, text)
    else:
        hits = _format_hits(text, lines, format_lines)
    if hits and suppressed:
        hits = _unsuppressed(hits, text, python=kind == "python")
    # A secret hidden by a suppression here is not known, and a Python blob that could not be
    # decoded was not searched for marked lines: the next blob is then read whole.
    whole_next = suppressed or (kind == "python" and source is None)
    after = _Earlier(earlier.secrets, frozenset() if whole_next else frozenset(lines), marked)
    return hits, after


@functools.lru_cache(maxsize=65536)
def _kind(path: str) -> str:
    return classify(PurePosixPath(path).name)


def _python_text(data: bytes) -> str | None:
    """A Python blob's text, decoded as `secpat check` decodes a file; None when it cannot be."""
    try:
        return decode_source(data).text
    except ParseError:
        return None


def _python_hits(
    path: str,
    text: str,
    lines: list[str],
    new: list[int],
    marked_before: frozenset[str],
    known: frozenset[str],
    format_lines: list[int] | None,
) -> tuple[list[Hit], frozenset[str]]:
    """The secrets in a Python blob, and its marked lines. Parsed only when the model may find a
    secret not in `known`; else its known formats are looked for on `format_lines` (all: None)."""
    needs_model, marked = _marks(text, lines, new, marked_before, known)
    # Credentials with no secret's name before them (`smtp.login(user, "...")`): rare, looked for in the whole text.
    needs_model = needs_model or bool(CREDENTIAL_PAIRS.search(text))
    if not needs_model:
        hits = _format_hits(text, lines, format_lines)
        # The model drops a self-made format (a JWT, a key block) shown as sample data in API documentation.
        if not any(h.source in _SELF_MADE for h in hits) or not may_bind_secrets(text):
            return hits, marked  # nothing for the model to find or to drop: skip the parse
    try:
        parsed = parse_python(text, path)
        module = Module(parsed.tree, path=path, module_name="", source=text)
        hits = python_hits(module)
        module.release()  # freed at once: a history reads thousands of blobs
        return hits, marked
    except (ParseError, RecursionError, ValueError):
        return text_hits("other", text), marked  # still find known formats in a file that does not parse


#: Line breaks that `str.splitlines` sees and a split at newlines does not: a text with one is scanned
#: whole, so that its lines are numbered alike.
_ODD_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
_LONE_CR = re.compile("\r(?!\n)")


def _format_hits(text: str, lines: list[str], numbers: list[int] | None) -> list[Hit]:
    """`text_hits("other", text)`, looking only at the lines `numbers` (every line: None). A known
    format lies on one line and is recognised from that line alone (`scan_text` reads each line by
    itself), so a secret on a line the previous blob of the path had too was found there already;
    a key block, which runs over several lines, is searched in the whole text."""
    if numbers is None or "PRIVATE KEY" in text or _odd_breaks(text):
        return text_hits("other", text)
    if not numbers:
        return []
    hits = text_hits("other", "\n".join([lines[number] for number in numbers]))
    return [replace(hit, line=numbers[hit.line - 1] + 1) for hit in hits]


def _odd_breaks(text: str) -> bool:
    """Whether `text` has a line break `str.splitlines` sees and a split at newlines does not."""
    if "\r" in text and _LONE_CR.search(text):
        return True
    return any(brk in text for brk in _ODD_BREAKS)


def _runs(numbers: list[int]) -> Iterator[tuple[int, int]]:
    """Ranges (start, end) of consecutive numbers in the ascending `numbers`."""
    start = end = -1
    for number in numbers:
        if number != end:
            if end > start:
                yield start, end
            start = number
        end = number + 1
    if end > start:
        yield start, end


def _needs_model(source: str, known: frozenset[str]) -> bool:
    """Could the model find a secret in this Python source, beyond its known formats, that is not in
    `known`? (`_marks` over every line.)"""
    lines = source.split("\n")
    return _marks(source, lines, list(range(len(lines))), frozenset(), known)[0] or bool(
        CREDENTIAL_PAIRS.search(source)
    )


def _marks(
    source: str, lines: list[str], new: list[int], marked_before: frozenset[str], known: frozenset[str]
) -> tuple[bool, frozenset[str]]:
    """Could the model find a secret in this Python source, beyond its known formats, that is not in
    `known`? Only when a secret-named literal holds a value that could be judged a real secret
    not known yet, or when the environment is read near a secret's name (a secret-named variable
    may fall back to a literal). Most versions of most files in a history have neither, and
    parsing is the most expensive step of a history scan.

    Both start on a marked line: one where a word of a secret's name stands before a binding `=`
    or `:` of a secret-named name, or where the environment is read. Whether a line is marked
    depends on its text alone, so only the lines `new` and those in `marked_before` (the marked
    lines of the blob that `new` was told against) need a look; each mark found is then judged
    on the whole source, as a look at every line would judge it. Returns the answer and the
    marked lines."""
    interesting = new
    if marked_before:
        carried = [number for number, line in enumerate(lines) if line in marked_before]
        if carried:
            interesting = sorted(set(new).union(carried))
    needs = False
    marked: set[str] = set()
    if not interesting:
        return needs, frozenset(marked)
    lengths = list(itertools.accumulate(map(len, lines), initial=0))  # line n starts at lengths[n] + n
    for first, end in _runs(interesting):
        begin, stop = lengths[first] + first, lengths[end] + end - 1
        chunk = source[begin:stop]
        line_end = -1
        for _, word, _ in _SECRET_WORDS.find_matches_as_indexes(_ascii_lower(chunk)):
            if word < line_end:
                continue  # a binding after the line's first word is looked at already
            line_end = chunk.find("\n", word)
            if line_end < 0:
                line_end = len(chunk)
            for binding in _BINDING.finditer(source, begin + word, begin + line_end):
                verdict = _named_literal(source, binding.start(), known)
                if verdict is not None:
                    marked.add(_line_at(source, binding.start()))
                    needs = needs or verdict
        for word, read, read_end in _ENV_READS.find_matches_as_indexes(chunk):
            marked.add(_line_at(source, begin + read))
            needs = needs or _READER_MODULES[word] in source and _reads_a_secret(source, begin + read, begin + read_end)
    return needs, frozenset(marked)


def _line_at(source: str, position: int) -> str:
    """The line of `source` that holds `position`, without its newline."""
    end = source.find("\n", position)
    return source[source.rfind("\n", 0, position) + 1 : len(source) if end < 0 else end]


#: The words of a secret's name (`password`, `token`, `key`...): a line without one binds no secret.
_SECRET_WORDS = AhoCorasick(sorted(SECRET_NAME_WORDS), matchkind=MatchKind.LeftmostLongest)
#: Where a string literal may be bound with `=` or `:`: its quote follows on the same line, or the
#: line ends and it follows on a later one. Every start of a `_LITERAL_AFTER` match is one, and
#: none runs over a line break, so whether a line holds one depends on that line alone.
_BINDING = re.compile(r"""[:=][ \t]*\(?[^\S\n]*(?:[rRbBuU]{0,2}["']|$)""", re.MULTILINE)
#: Environment reads (`getenv`, `environ`, `config(`...): at most one starts at any place.
_ENV_READS = AhoCorasick(list(_ENV_READ_WORDS), matchkind=MatchKind.LeftmostLongest)
#: For each of them, what a module that the model sees read the environment that way names: the
#: model knows a read by the qualified name of what is called (`os.getenv`, `decouple.config`, an
#: `environ.Env()`), so `config(` reads nothing without `decouple` (`incomplete_config(`).
_READER_MODULES = tuple(
    {"config(": "decouple", "env(": "environ", "env.str(": "environ"}.get(word, word) for word in _ENV_READ_WORDS
)


def _named_literal(source: str, position: int, known: frozenset[str]) -> bool | None:
    """At a binding `=` or `:` after a word of a secret's name (a `_BINDING` at `position`): None
    when the name bound is not a secret's; else whether a string literal bound there holds a value
    that could be judged a real secret not in `known`, or a value the text alone cannot tell."""
    line_start = source.rfind("\n", 0, position) + 1
    # No name runs over a line break: looking from the line's start finds the one `may_bind_secrets` finds.
    name = _NAME_BEFORE.search(source, max(line_start, position - 100), position)
    if not name:
        return None
    kind = _secret_kind(name.group(1))
    if kind is None:
        return None
    line_end = source.find("\n", position)
    # The opening quote may stand on a later line (`= (\n "..."`): the match may run past the line.
    literal = _LITERAL_AFTER.match(source, position, (len(source) if line_end < 0 else line_end) + 200)
    if literal is None:
        return False
    if "," in source[line_start : name.start()]:
        return True  # `user, password = "admin", "..."`: the model binds each literal to its own name
    value = _bound_value(source, literal)
    if value is None:
        return True
    if value is _NOT_BOUND and "(" in literal.group() and names_credentials(name.group(1)):
        return True  # `S3_CREDENTIALS = ("AKIA...", "...")`: the model binds both items of such a pair
    if not isinstance(value, (str, bytes)):
        return False  # bound to no name
    judgement = _judge_value(value, kind, name.group(1))
    return judgement is not None and judgement.secret not in known


_ENV_BEFORE = 2  # lines before an environment read where the name its value is assigned to may stand
_ENV_AFTER = 400  # characters after it where the variable's name is given
_ASSIGNED_NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=\n]{1,60})?=")
_STRING_CONTENT = re.compile(r"""["']([^"'\\\n]{1,100})["']""")


#: A literal given as a fallback: a later argument (`, "dev"`, `default="dev"`) or `... or "dev"`.
_LITERAL_FALLBACK = re.compile(r"""(?:,|\bor\b|\bdefault\s*=)\s*\(?\s*[rRuU]?["']""")


def _reads_a_secret(source: str, start: int, end: int) -> bool:
    """Whether the environment read at `start:end` has a string literal after it and a secret's name
    around it, as the variable read or as the name its value is assigned to: only then may the
    model report a literal fallback."""
    if not _LITERAL_FALLBACK.search(source, end, end + _ENV_AFTER):
        return False
    for _ in range(_ENV_BEFORE + 1):
        start = source.rfind("\n", 0, start - 1) + 1 if start > 0 else 0
    window = source[start : end + _ENV_AFTER]
    names = set(_ASSIGNED_NAME.findall(window))
    names.update(_STRING_CONTENT.findall(window))
    return any(_secret_kind(name) for name in names)


_secret_kind = functools.lru_cache(maxsize=8192)(secret_kind)
_judge_value = functools.lru_cache(maxsize=8192)(judge_literal)
_PLAIN_END = frozenset(",)]};#\r\n")
_NOT_BOUND = object()  # what `_bound_value` says of a literal that is only part of the value bound
#: One string literal, from its prefix to its closing quote.
_STRING = re.compile(
    r'[rRbBuUfF]{0,2}(?:"""(?:[^\\]|\\.)*?"""'
    r"|'''(?:[^\\]|\\.)*?'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*')",
    re.DOTALL,
)
_SAME_LINE_GAP = re.compile(r"(?:[ \t]|\\\r?\n)*")
_ANY_GAP = re.compile(r"(?:\s|#[^\n]*|\\\r?\n)*")
_STRING_START = re.compile(r"""[rRbBuUfF]{0,2}["']""")


def _gap_end(gap: re.Pattern[str], source: str, position: int) -> int:
    """Where a gap (which may be empty, so it always matches) that starts at `position` ends."""
    found = gap.match(source, position)
    return found.end() if found else position


def _bound_value(source: str, literal: re.Match[str]) -> str | bytes | object | None:
    """The string the model binds to the name before `literal` (from `=` or `:` to an opening
    quote): the value of the str or bytes literal there, with the pieces an implicit concatenation
    adds to it; `_NOT_BOUND` when it is only part of a larger expression (`"..." % x`, `"...".strip()`,
    an f-string), which the model binds to no name; None when the text alone cannot tell."""
    in_parens = "(" in literal.group()
    opening = literal.group()[:-1]
    position = literal.end() - 1 - (len(opening) - len(opening.rstrip("rRbBuU")))
    pieces = []
    while True:
        piece = _STRING.match(source, position)
        if piece is None:  # no string literal starts here: the quote closes one, or ends a comment
            return _NOT_BOUND
        pieces.append(piece.group())
        position = _gap_end(_ANY_GAP if in_parens else _SAME_LINE_GAP, source, piece.end())
        if not _STRING_START.match(source, position):
            break
    if position < len(source) and source[position] not in _PLAIN_END:
        return _NOT_BOUND  # an operator, a call, a subscript: the value is not this literal
    if in_parens and source.startswith(",", position):
        return _NOT_BOUND  # `= ("...", ...)`: an item of a tuple
    if not in_parens and source.startswith(("#", "\n", "\r"), position):
        line_end = source.find("\n", position)
        if line_end >= 0 and _STRING_START.match(source, _gap_end(_ANY_GAP, source, line_end)):
            return None  # a literal on the next line may continue this one, in brackets opened before
    prefixes = {piece[: len(piece) - len(piece.lstrip("rRbBuUfF"))].lower() for piece in pieces}
    if any("f" in prefix for prefix in prefixes):
        return _NOT_BOUND  # an f-string: not a constant
    if (
        len(pieces) == 1
        and pieces[0][0] in "\"'"
        and "\\" not in pieces[0]
        and not pieces[0].startswith(('"""', "'''"))
    ):
        return pieces[0][1:-1]
    try:
        value = ast.literal_eval(" ".join(pieces))  # literals only: nothing of the blob is run
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, (str, bytes)) else _NOT_BOUND


_HISTORY_RULES = {"SECRET001", "SECRET002", "SECRET004"}


def _unsuppressed(hits: list[Hit], text: str, *, python: bool) -> list[Hit]:
    """Drop hits that an inline `# secpat: ignore[...]` with a reason covers, as `check` would."""
    covered: set[int] = set()
    whole_file = False
    for suppression in parse_suppressions(text, python=python):
        rules = {r.id for key in suppression.rule_keys if (r := registry.get(key)) is not None}
        if not suppression.reason or not rules & _HISTORY_RULES:
            continue
        if suppression.file_level:
            whole_file = True
        covered.add(suppression.line)
        if suppression.own_line:
            covered.add(suppression.line + 1)
    return [] if whole_file else [h for h in hits if h.line not in covered]


# -- findings ----------------------------------------------------------------------------------


def _date(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")


def _extra(
    origin: _Origin, present: bool, masked: str, detector: str, head_paths: list[str]
) -> tuple[tuple[str, str], ...]:
    return (
        ("commit", origin.commit),
        ("date", datetime.fromtimestamp(origin.timestamp, timezone.utc).isoformat()),
        ("present_at_head", "yes" if present else "no"),
        ("head_paths", ", ".join(head_paths)),
        ("secret", masked),
        ("detector", detector),
    )


def _where(origin: _Origin, present: bool, boundary: frozenset[str], elsewhere: Sequence[str] = ()) -> str:
    if origin.commit in boundary:  # its parents were cut off: the secret may be older
        when = f"first seen in {origin.commit[:10]} ({_date(origin.timestamp)}), the oldest commit of a shallow clone"
    else:
        when = f"committed in {origin.commit[:10]} ({_date(origin.timestamp)})"
    if present:
        state = "still present at HEAD"
    elif elsewhere:
        more = f" and {len(elsewhere) - 1} more" if len(elsewhere) > 1 else ""
        state = f"gone from {origin.path} at HEAD but still present at HEAD in {elsewhere[0]}{more}"
    else:
        state = "gone from HEAD but still in history"
    return f"{when}; {state}"


def _secret_finding(
    secret: _Secret, head: dict[str, list[str]], confidence: Confidence, boundary: frozenset[str]
) -> Finding:
    hit, origin = secret.hit, secret.origin
    # Present means the same path at HEAD still holds it; a copy or a rename is named, not confused with it.
    holders = sorted({path for blob in secret.blobs for path in head.get(blob, ())})
    present = origin.path in holders
    message = f"{hit.what}: {_where(origin, present, boundary, holders)}; revoke and rotate it"
    finding = Finding(
        rule_id=SECRET004.id,
        location=Location(origin.path, hit.line, hit.col),
        message=message,
        severity=SECRET004.severity,
        confidence=SECRET004.confidence,
        snippet=hit.snippet,
        extra=_extra(origin, present, hit.masked, hit.source, holders),
    )
    return finding.with_confidence(confidence)


def _file_finding(path: str, reason: str, origin: _Origin, present: bool, boundary: frozenset[str]) -> Finding:
    message = f"{path} ({reason}) was {_where(origin, present, boundary)}; rotate every secret it held"
    return Finding(
        rule_id=SECRET004.id,
        location=Location(path, 0),
        message=message,
        severity=SECRET004.severity,
        confidence=SECRET004.confidence,
        snippet=path,
        extra=_extra(origin, present, "", "secret-file", [path] if present else []),
    )
