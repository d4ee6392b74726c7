"""`secpat history`: secrets anywhere in a repository's git history (SECRET004).

Nothing is checked out. One `git log` lists, oldest first, every blob each
commit added (all refs and stashes, or the branches asked for); one
`git ls-tree` lists HEAD's blobs; one `git cat-file --batch` streams the
contents. Each blob is read and scanned once, with the same recognisers as
`secpat check` (known formats, secret-named values, literal fallbacks, secret
files). A secret that lives through many commits is one finding, at the
commit and path that introduced it, marked present or gone at HEAD. A
repository with thousands of commits needs four git processes, not thousands.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
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
    git_dir, top = _repository(repo)
    origins, secret_paths = _introduced_blobs(top, options, _stash_commits(git_dir) if not options.branches else [])
    head, head_paths = _head_tree(top)
    wanted = [blob for blob, origin in origins.items() if _scannable(origin.path)]
    head_only = [blob for blob, path in head.items() if blob not in origins and _scannable(path)]

    secrets: dict[str, _Secret] = {}
    file_hits: set[str] = set()  # paths whose first blob held a recognised secret
    file_reasons: dict[str, str] = {}
    notices: list[Notice] = []
    scanned = 0
    for blob, data in _cat_blobs(top, [*wanted, *head_only], config.max_file_size):
        origin = origins.get(blob)
        path = origin.path if origin else head[blob]
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

    findings = [_secret_finding(s, head, confidence_for(s.hit, config, s.origin.path)) for s in secrets.values()]
    for path, origin in secret_paths.items():
        reason = file_reasons.get(path) or secret_file_reason(path, None)
        if reason and path not in file_hits:
            findings.append(_file_finding(path, reason, origin, path in head_paths))
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


# -- git ---------------------------------------------------------------------------------------


def _git(top: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=top, capture_output=True, check=False)
    except OSError as exc:
        raise HistoryError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise HistoryError(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
    return done.stdout


def _repository(repo: Path) -> tuple[Path, Path]:
    """(git directory, top of the working tree — or the git directory of a bare repository)."""
    if not repo.is_dir():
        raise HistoryError(f"{repo}: no such directory")
    try:
        out = _git(repo, "rev-parse", "--absolute-git-dir", "--is-bare-repository", "--show-toplevel")
    except HistoryError:
        raise HistoryError(f"{repo}: not a git repository") from None
    lines = out.decode("utf-8", errors="surrogateescape").splitlines()
    git_dir = Path(lines[0])
    top = Path(lines[2]) if len(lines) > 2 and lines[1] == "false" else git_dir
    return git_dir, top


def _stash_commits(git_dir: Path) -> list[str]:
    """Every stash, not only the newest that `--all` reaches: the stash reflog, read as a file."""
    try:
        text = (git_dir / "logs" / "refs" / "stash").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [line.split()[1] for line in text.splitlines() if len(line.split()) > 1]


def _introduced_blobs(top: Path, options: HistoryOptions,
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
    tokens = _stream(top, args)
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


def _stream(top: Path, args: list[str]) -> Iterator[bytes]:
    """NUL-separated tokens of a git command's output, read as they come (no whole-output buffer)."""
    try:
        process = subprocess.Popen(["git", "-c", "core.quotepath=off", *args], cwd=top, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
    except OSError as exc:
        raise HistoryError(f"cannot run git: {exc.strerror or exc}") from None
    assert process.stdout is not None
    pending = b""
    while True:
        chunk = process.stdout.read(1 << 16)
        if not chunk:
            break
        pending += chunk
        *complete, pending = pending.split(b"\0")
        yield from complete
    if pending:
        yield pending
    stderr = process.stderr.read() if process.stderr else b""
    if process.wait() != 0:
        message = stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise HistoryError(f"git log failed: {message[-1] if message else process.returncode}")


def _head_tree(top: Path) -> tuple[dict[str, str], set[str]]:
    """HEAD's blobs -> a path holding it, and every path at HEAD (empty without commits)."""
    try:
        out = _git(top, "ls-tree", "-r", "-z", "--full-tree", "HEAD")
    except HistoryError:
        return {}, set()
    tree: dict[str, str] = {}
    paths: set[str] = set()
    for entry in out.split(b"\0"):
        meta, _, path = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            name = path.decode("utf-8", errors="surrogateescape")
            tree.setdefault(parts[2].decode("ascii"), name)
            paths.add(name)
    return tree, paths


def _cat_blobs(top: Path, blobs: list[str], limit: int) -> Iterator[tuple[str, bytes | None]]:
    """(blob, content) for every blob, through one `git cat-file --batch`; None when over `limit`."""
    if not blobs:
        return
    process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdin is not None and process.stdout is not None

    def feed() -> None:  # in its own thread, so a full pipe on either side cannot deadlock
        try:
            process.stdin.write("".join(f"{b}\n" for b in blobs).encode("ascii"))
            process.stdin.close()
        except OSError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    out = process.stdout
    try:
        for _ in blobs:
            header = out.readline().split()
            if not header:
                break
            if len(header) < 3:  # `<sha> missing`
                continue
            sha, size = header[0].decode("ascii"), int(header[2])
            if size > limit:
                _skip(out, size + 1)
                yield sha, None
                continue
            data = out.read(size)
            out.read(1)  # the newline after each object
            yield sha, data
    finally:
        writer.join(timeout=5)
        process.stdout.close()
        process.wait()


def _skip(stream, count: int) -> None:
    while count > 0:
        chunk = stream.read(min(count, 1 << 20))
        if not chunk:
            return
        count -= len(chunk)


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


def _extra(origin: _Origin, present: bool, masked: str, detector: str) -> tuple[tuple[str, str], ...]:
    return (
        ("commit", origin.commit),
        ("date", datetime.fromtimestamp(origin.timestamp, timezone.utc).isoformat()),
        ("present_at_head", "yes" if present else "no"),
        ("secret", masked),
        ("detector", detector),
    )


def _where(origin: _Origin, present: bool) -> str:
    state = "still present at HEAD" if present else "gone from HEAD but still in history"
    return f"committed in {origin.commit[:10]} ({_date(origin.timestamp)}); {state}"


def _secret_finding(secret: _Secret, head: dict[str, str], confidence: Confidence) -> Finding:
    hit, origin = secret.hit, secret.origin
    present = any(blob in head for blob in secret.blobs)
    message = f"{hit.what}: {_where(origin, present)}; revoke and rotate it"
    finding = Finding(rule_id=SECRET004.id, location=Location(origin.path, hit.line, hit.col),
                      message=message, severity=SECRET004.severity, confidence=SECRET004.confidence,
                      snippet=hit.snippet, extra=_extra(origin, present, hit.masked, hit.source))
    return finding.with_confidence(confidence)


def _file_finding(path: str, reason: str, origin: _Origin, present: bool) -> Finding:
    message = f"{path} ({reason}) was {_where(origin, present)}; rotate every secret it held"
    return Finding(rule_id=SECRET004.id, location=Location(path, 0), message=message, severity=SECRET004.severity,
                   confidence=SECRET004.confidence, snippet=path, extra=_extra(origin, present, "", "secret-file"))

