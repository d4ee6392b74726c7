"""`secpat history`: secrets anywhere in a repository's git history (SECRET004).

Nothing is checked out. One `git log` lists, oldest first, every blob each
commit added (all refs and stashes, or the branches asked for); one
`git ls-tree` lists HEAD's blobs; one `git cat-file --batch` streams the
contents. Each blob is read and scanned once, with the same recognisers as
`secpat check` (known formats, secret-named values, literal fallbacks, secret
files). A secret that lives through many commits is one finding, at the
commit and path that introduced it, marked present or gone at HEAD. A
repository with thousands of commits needs four git processes, not thousands.

Nothing is fetched either: a shallow clone, the blobs a partial clone never
downloaded and objects that cannot be read are reported as notices, and the
scan covers the rest.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from secpat.config import Config
from secpat.discovery import classify
from secpat.findings import Confidence, Finding, Location, Notice, NoticeKind, ScanResult
from secpat.model.module import Module
from secpat.parsing import ParseError, decode_source, parse_python
from secpat.rules import registry
from secpat.rules.secrets import (
    SECRET004,
    Hit,
    confidence_for,
    may_bind_secrets,
    python_hits,
    secret_file_reason,
    text_hits,
)
from secpat.suppression import parse_suppressions

__all__ = ["HistoryError", "HistoryOptions", "scan_history"]

_NULL_SHA = "0" * 40
_SKIPPED_MODES = {"160000", "120000", "000000"}  # submodules, symlinks, deletions
#: Binary formats never worth reading, recognised by name before any byte is fetched.
_BINARY_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".bmp", ".svgz", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".tar", ".whl", ".egg", ".jar", ".pdf", ".mp3", ".mp4", ".mov",
    ".avi", ".webm", ".pyc", ".pyo", ".so", ".dylib", ".dll", ".exe", ".o", ".a", ".mo", ".sqlite", ".sqlite3",
    ".db", ".parquet", ".npy", ".npz", ".pkl", ".pickle",
})


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


def scan_history(repo: Path, config: Config, options: HistoryOptions = HistoryOptions()) -> ScanResult:
    """Every secret in the history of the repository at `repo`, one finding per secret."""
    started = time.perf_counter()
    repository = _repository(repo)
    top = repository.top
    notices: list[Notice] = []
    stashes = _stash_commits(repository.common_dir) if not options.branches else []
    origins, secret_paths = _introduced_blobs(repository, options, stashes)
    head = _head_tree(top, notices)
    head_paths = {path for paths in head.values() for path in paths}
    wanted = [blob for blob, origin in origins.items() if _scannable(origin.path)]
    head_only = [blob for blob, paths in head.items() if blob not in origins and _scannable(paths[0])]
    to_read = [*wanted, *head_only]
    if repository.shallow:
        notices.append(_shallow_notice(repository.boundary))
    if repository.partial:
        to_read = _fetched_only(repository, to_read, notices)

    secrets: dict[str, _Secret] = {}
    file_hits: set[str] = set()  # paths whose first blob held a recognised secret
    file_reasons: dict[str, str] = {}
    scanned = 0
    for blob, data, problem in _cat_blobs(top, to_read, config.max_file_size):
        origin = origins.get(blob)
        path = origin.path if origin else head[blob][0]
        if problem:
            where = f" (from commit {origin.commit[:10]})" if origin else " (at HEAD)"
            notices.append(Notice(path, NoticeKind.UNREADABLE, f"blob {blob}{where} could not be read: {problem};"
                                                               " not scanned"))
            continue
        if data is None:
            if origin is not None and classify(PurePosixPath(path).name) in ("python", "env", "config"):
                notices.append(Notice(path, NoticeKind.TOO_LARGE,
                                      f"blob {blob[:10]} is over max-file-size; not scanned"))
            continue
        scanned += 1
        hits = [h for h in _hits(path, data) if h.real]
        for hit in hits:
            known = secrets.get(hit.secret)
            if known is None and origin is not None:
                known = secrets[hit.secret] = _Secret(hit, origin)
            if known is not None:
                known.blobs.add(blob)
        if origin is not None and path in secret_paths:
            if hits:
                file_hits.add(path)
            reason = secret_file_reason(path, data)
            if reason:
                file_reasons[path] = reason

    boundary = frozenset(repository.boundary)
    findings = [_secret_finding(s, head, confidence_for(s.hit, config, s.origin.path), boundary)
                for s in secrets.values()]
    for path, origin in secret_paths.items():
        reason = file_reasons.get(path) or secret_file_reason(path, None)
        if reason and path not in file_hits:
            findings.append(_file_finding(path, reason, origin, path in head_paths, boundary))
    findings = [f for f in findings if config.is_enabled(f.rule_id, f.location.path)
                and f.confidence >= config.min_confidence and f.severity >= config.report_level]
    return ScanResult(
        findings=sorted(findings, key=Finding.sort_key),
        notices=sorted(notices, key=lambda n: (n.path, n.message)),
        files_scanned=scanned,
        root=str(top),
        command="history",
        patterns_checked=frozenset({SECRET004.pattern}) if config.is_enabled(SECRET004.id, "") else frozenset(),
        duration_s=time.perf_counter() - started,
    )


def _shallow_notice(boundary: tuple[str, ...]) -> Notice:
    shown = ", ".join(sha[:10] for sha in boundary[:3])
    if len(boundary) > 3:
        shown += f" and {len(boundary) - 3} more"
    return Notice(".", NoticeKind.INCOMPLETE_HISTORY,
                  f"shallow clone: history before {shown or 'its oldest commits'} is not in the repository and was"
                  " not scanned; run `git fetch --unshallow` and scan again")


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
    status, out, error = _run(repo, "rev-parse", "--absolute-git-dir", "--git-common-dir",
                              "--is-shallow-repository", "--is-inside-work-tree", "--show-cdup")
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


def _introduced_blobs(repository: _Repository, options: HistoryOptions,
                      stashes: list[str]) -> tuple[dict[str, _Origin], dict[str, _Origin]]:
    """Blob -> where it first appeared, oldest commit first; and the first appearance of every
    path that names a secret file (`.env`, `id_rsa`, `*.pem`...), even when its blob is not new."""
    revisions = list(options.branches) if options.branches else ["--all", *stashes]
    args = ["log", *revisions, "--reverse", "--topo-order", "--raw", "-z", "--no-abbrev", "--no-renames",
            "--diff-merges=first-parent", "--format=%x01%H %ct"]
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
            process = subprocess.Popen(_command(*args), cwd=repository.top, stdout=subprocess.PIPE, stderr=stderr,
                                       env=_git_env())
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
                hint = (" (this partial clone lacks commit trees, as --filter=tree:0 leaves them, and secpat does"
                        " not fetch: clone with --filter=blob:none or without --filter)")
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
        return Notice(".", NoticeKind.CONFIG, f"HEAD is unborn ({branch} has no commit): no finding is marked"
                                              " present at HEAD")
    return Notice(".", NoticeKind.UNREADABLE, f"HEAD's tree could not be read: {error or 'git ls-tree failed'};"
                                              " no finding is marked present at HEAD")


def _fetched_only(repository: _Repository, blobs: list[str], notices: list[Notice]) -> list[str]:
    """The blobs a partial clone holds, and a notice counting those it never fetched. Listing the
    object store never fetches, unlike asking for an object that is not there."""
    listing = _stream(repository, ["cat-file", "--batch-all-objects", "--unordered",
                                   "--batch-check=%(objecttype) %(objectname)"], b"\n")
    present = {line[5:].decode("ascii") for line in listing if line.startswith(b"blob ")}
    fetched = [blob for blob in blobs if blob in present]
    if len(fetched) < len(blobs):
        notices.append(Notice(".", NoticeKind.INCOMPLETE_HISTORY,
                              f"partial clone: {len(blobs) - len(fetched)} of {len(blobs)} blobs to scan were never"
                              " fetched (promisor objects not present) and were not scanned; secpat does not fetch"
                              " them: clone without --filter to scan everything"))
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
            process = subprocess.Popen(_command("cat-file", "--batch"), cwd=top, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=stderr, env=_git_env())
        except OSError as exc:
            raise HistoryError(f"cannot run git: {exc.strerror or exc}") from None
        assert process.stdin is not None and process.stdout is not None

        def feed() -> None:  # in its own thread, so a full pipe on either side cannot deadlock
            try:
                process.stdin.write("".join(f"{b}\n" for b in blobs).encode("ascii"))
                process.stdin.close()
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


def _skip(stream, count: int) -> bool:
    """Read past `count` bytes; False when the stream ends first."""
    while count > 0:
        chunk = stream.read(min(count, 1 << 20))
        if not chunk:
            return False
        count -= len(chunk)
    return True


# -- scanning one blob ------------------------------------------------------------------------


def _scannable(path: str) -> bool:
    return PurePosixPath(path).suffix.lower() not in _BINARY_SUFFIXES


def _hits(path: str, data: bytes) -> list[Hit]:
    """The same recognisers as `secpat check`: a Python blob through its model, others as text."""
    if b"\0" in data[:8192]:
        return []
    kind = classify(PurePosixPath(path).name)
    if kind == "python":
        hits = _python_hits(path, data)
    else:
        text = data.decode("utf-8", errors="replace")
        hits = text_hits(kind if kind in ("env", "config") else "other", text)
    if hits and b"secpat:" in data:
        hits = _unsuppressed(hits, data.decode("utf-8", errors="replace"), python=kind == "python")
    return hits


def _python_hits(path: str, data: bytes) -> list[Hit]:
    try:
        text = decode_source(data).text
    except ParseError:
        return text_hits("other", data.decode("utf-8", errors="replace"))
    if not may_bind_secrets(text):
        return text_hits("other", text)  # nothing for the model to find: skip the parse
    try:
        parsed = parse_python(text, path)
        module = Module(parsed.tree, path=path, module_name="", source=text)
        return python_hits(module)
    except (ParseError, RecursionError, ValueError):
        return text_hits("other", text)  # still find known formats in a file that does not parse


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


def _extra(origin: _Origin, present: bool, masked: str, detector: str,
           head_paths: list[str]) -> tuple[tuple[str, str], ...]:
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


def _secret_finding(secret: _Secret, head: dict[str, list[str]], confidence: Confidence,
                    boundary: frozenset[str]) -> Finding:
    hit, origin = secret.hit, secret.origin
    # Present means the same path at HEAD still holds it; a copy or a rename is named, not confused with it.
    holders = sorted({path for blob in secret.blobs for path in head.get(blob, ())})
    present = origin.path in holders
    message = f"{hit.what}: {_where(origin, present, boundary, holders)}; revoke and rotate it"
    finding = Finding(rule_id=SECRET004.id, location=Location(origin.path, hit.line, hit.col),
                      message=message, severity=SECRET004.severity, confidence=SECRET004.confidence,
                      snippet=hit.snippet, extra=_extra(origin, present, hit.masked, hit.source, holders))
    return finding.with_confidence(confidence)


def _file_finding(path: str, reason: str, origin: _Origin, present: bool, boundary: frozenset[str]) -> Finding:
    message = f"{path} ({reason}) was {_where(origin, present, boundary)}; rotate every secret it held"
    return Finding(rule_id=SECRET004.id, location=Location(path, 0), message=message, severity=SECRET004.severity,
                   confidence=SECRET004.confidence, snippet=path,
                   extra=_extra(origin, present, "", "secret-file", [path] if present else []))
