"""Find the files to scan, classify them, and name their Python modules.

Honours `.gitignore` files at every level (via `pathspec`), `[tool.secpat]
exclude`, and the usual skips. Never follows a symlink out of the tree, and
notices symlink loops instead of walking them forever.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import stat
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pathspec

from secpat import safeio
from secpat.config import DEFAULT_EXCLUDES
from secpat.findings import Notice, NoticeKind

TEMPLATE_SUFFIXES = {".html", ".htm", ".jinja", ".jinja2", ".j2", ".djhtml"}
CONFIG_SUFFIXES = {".ini", ".cfg", ".toml", ".yaml", ".yml", ".json", ".properties", ".conf"}
SECRET_FILE_SUFFIXES = {".pem", ".key", ".p12", ".pfx", ".jks", ".keystore"}
MAX_GITIGNORE_BYTES = 1 << 20
#: Wildcards one ignore pattern may hold. Patterns compile to backtracking regular expressions, and
#: each `*` or `**` multiplies the work on a hostile path: `*a*a*a*x` takes seconds on one long name.
#: Real ignore files stay far below this; a pattern above it is dropped with a notice (so more is scanned).
MAX_PATTERN_WILDCARDS = 4
_STAR_RUN = re.compile(r"\*{2,}")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str  # absolute (text: a Path for each of thousands of files costs a warm run more than its scan)
    rel: str  # POSIX path relative to the scan root
    kind: str  # python | template | env | config | secret-file | other
    module_name: str = ""  # dotted module name for python files
    is_package: bool = False
    size: int = 0
    mtime_ns: int = 0
    ctime_ns: int = 0  # changes with every write, whatever the modification time is set back to


def classify(name: str) -> str:
    lower = name.lower()
    bare = lower.lstrip(".")  # as os.path.splitext: leading dots start no suffix
    dot = bare.rfind(".")
    suffix = bare[dot:] if dot >= 0 else ""
    if suffix in {".py", ".pyi", ".pyw"}:
        return "python"
    if suffix in TEMPLATE_SUFFIXES:
        return "template"
    if lower == ".env" or lower.startswith(".env.") or lower.endswith(".env"):
        return "env"
    if suffix in CONFIG_SUFFIXES or lower in {"dockerfile", "docker-compose.yml", "compose.yaml"} \
            or lower.startswith("dockerfile."):
        return "config"
    if suffix in SECRET_FILE_SUFFIXES or lower in {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}:
        return "secret-file"
    return "other"


def bounded_patterns(lines: Iterable[str], where: str, notices: list[Notice]) -> list[str]:
    """Ignore patterns that match in bounded time: runs of `*` inside a name shrink to one (the same
    meaning), and a pattern with more than MAX_PATTERN_WILDCARDS wildcards is dropped with a notice."""
    kept = []
    for number, line in enumerate(lines, 1):
        parts = line.split("/")
        parts = [part if part == "**" else _STAR_RUN.sub("*", part) for part in parts]
        wildcards = sum(1 if part == "**" else part.count("*") for part in parts)
        if wildcards > MAX_PATTERN_WILDCARDS:
            notices.append(Notice(where, NoticeKind.CONFIG,
                                  f"ignore pattern with {wildcards} wildcards not applied (at most "
                                  f"{MAX_PATTERN_WILDCARDS} are matched, to keep matching fast)", number))
            continue
        pattern = "/".join(parts)
        try:
            _compiled([pattern])
        except (ValueError, re.error) as exc:  # git ignores such a line too; it must not stop the scan
            notices.append(Notice(where, NoticeKind.CONFIG, f"invalid ignore pattern not applied: {exc}", number))
            continue
        kept.append(pattern)
    return kept


def _compiled(patterns: list[str] | Sequence[str]) -> pathspec.PathSpec:
    # A pattern such as `[[a]` makes `re` warn about future syntax: that is about the repository's
    # file, not something the person running secpat can act on, so it is not printed.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return pathspec.GitIgnoreSpec.from_lines(patterns)


class _Ignores:
    """Gitignore rules of every directory on the way down, plus configured excludes."""

    def __init__(self, root: Path, excludes: Sequence[str], respect_gitignore: bool, notices: list[Notice]):
        self.root = root
        self.respect_gitignore = respect_gitignore
        self.notices = notices
        # The built-in skips are directory names: a set lookup, not a pattern match per path.
        self.default_dirs = {p.rstrip("/") for p in DEFAULT_EXCLUDES if "*" not in p}
        self.default_globs = [p.rstrip("/") for p in DEFAULT_EXCLUDES if "*" in p]
        self.excludes = _compiled(
            bounded_patterns(excludes, "exclude", notices)) if excludes else None
        self.specs: list[tuple[str, pathspec.PathSpec]] = []  # (dir prefix, spec), outermost first

    def load_dir(self, rel_dir: str, abs_dir: Path) -> int:
        if not self.respect_gitignore:
            return 0
        gitignore = abs_dir / ".gitignore"
        where = f"{rel_dir}/.gitignore" if rel_dir else ".gitignore"
        try:
            data = safeio.read_capped(gitignore, MAX_GITIGNORE_BYTES)
        except FileNotFoundError:
            return 0
        except OSError as exc:
            # Not a reason to stop the scan: without its patterns more is scanned, never less.
            self.notices.append(Notice(where, NoticeKind.CONFIG, f"not read: {exc.strerror or exc}"))
            return 0
        lines = data.decode("utf-8", errors="replace").splitlines()
        self.specs.append((rel_dir, _compiled(bounded_patterns(lines, where, self.notices))))
        return 1

    def pop(self, count: int) -> None:
        for _ in range(count):
            self.specs.pop()

    def ignored(self, rel: str, is_dir: bool) -> bool:
        if is_dir:
            name = rel.rsplit("/", 1)[-1]
            if name in self.default_dirs or any(fnmatch.fnmatchcase(name, g) for g in self.default_globs):
                return True
        probe = rel + "/" if is_dir else rel
        if self.excludes is not None and self.excludes.match_file(probe):
            return True
        for prefix, spec in self.specs:
            sub = probe[len(prefix) + 1:] if prefix else probe
            if spec.match_file(sub):
                return True
        return False


def discover(paths: Iterable[Path], root: Path, *, excludes: Sequence[str] = (), respect_gitignore: bool = True,
             ) -> tuple[list[SourceFile], list[Notice]]:
    """All files under `paths`, relative to `root`, in a stable order."""
    root = root.resolve()
    files: dict[str, SourceFile] = {}
    notices: list[Notice] = []
    for start in paths:
        start_abs = start.resolve() if start.exists() else start.absolute()
        if not start.exists() and not start.is_symlink():
            notices.append(Notice(str(start), NoticeKind.UNREADABLE, "no such file or directory"))
            continue
        if start_abs.is_file():
            rel = _rel(start_abs, root)
            try:
                st = start_abs.stat()
            except OSError as exc:
                notices.append(Notice(rel, NoticeKind.UNREADABLE, exc.strerror or str(exc)))
                continue
            files[rel] = _source_file(str(start_abs), rel, root, st)
            continue
        ignores = _Ignores(root, excludes, respect_gitignore, notices)
        # Load the .gitignore files of the directories between the root and the start.
        try:
            inner = start_abs.relative_to(root)
        except ValueError:
            inner = None
        if inner is not None:
            walk = root
            ignores.load_dir("", root)
            for part in inner.parts:
                walk = walk / part
                ignores.load_dir(_rel(walk, root), walk)
            if inner.parts and ignores.ignored(_rel(start_abs, root), True):
                # A directory named on the command line is scanned even if a parent ignores it;
                # only its own ignore files apply.
                ignores.specs.clear()
                ignores.load_dir(_rel(start_abs, root), start_abs)
        _walk(start_abs, root, ignores, files, notices, {_real(start_abs)})
    return [files[k] for k in sorted(files)], notices


def excluded(rel: str, excludes: Sequence[str] = ()) -> bool:
    """Whether a walk skips `rel` (POSIX, relative to the root) by the built-in skips or `excludes`,
    at the file or at a directory above it (`.gitignore` aside)."""
    ignores = _Ignores(Path("."), excludes, respect_gitignore=False, notices=[])
    parts = rel.split("/")
    return any(ignores.ignored("/".join(parts[:end]), True) for end in range(1, len(parts))) \
        or ignores.ignored(rel, False)


def _walk(directory: Path, root: Path, ignores: _Ignores, files: dict[str, SourceFile], notices: list[Notice],
          seen: set[str]) -> None:
    start_rel = _rel(directory, root)
    stack: list[tuple[str, str, int]] = [(str(directory), "" if start_rel == "." else start_rel, -1)]
    # Depth-first with explicit pops so nested .gitignore files apply only below their directory.
    while stack:
        current, rel_dir, pop_count = stack.pop()
        if pop_count >= 0:
            ignores.pop(pop_count)
            continue
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=_entry_name, reverse=True)
        except OSError as exc:
            stack.append((current, rel_dir, 0))
            notices.append(Notice(rel_dir or ".", NoticeKind.UNREADABLE,
                                  f"cannot list directory: {exc.strerror or exc}"))
            continue
        if rel_dir and any(entry.name == "CACHEDIR.TAG" for entry in entries) and _cache_tagged(current):
            continue  # a cache directory, secpat's own or another tool's: results, not source
        has_ignore_file = rel_dir and any(entry.name == ".gitignore" for entry in entries)
        loaded = ignores.load_dir(rel_dir, Path(current)) if has_ignore_file else 0
        stack.append((current, rel_dir, loaded))
        for entry in entries:
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_link, is_dir = True, False
            kind = "" if is_dir else classify(entry.name)
            if kind == "other":
                continue  # nothing scans these: skip them before any matching or stat
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            if ignores.ignored(rel, is_dir):
                continue
            if is_link:
                target = _real(entry.path)
                if target is None:
                    notices.append(Notice(rel, NoticeKind.SYMLINK, "broken symbolic link or link loop"))
                    continue
                if not _inside(target, root):
                    continue  # never follow a link out of the tree
                if is_dir:
                    if target in seen or _is_ancestor(target, current):
                        notices.append(Notice(rel, NoticeKind.SYMLINK, "symbolic link loop: not followed"))
                        continue
                    seen.add(target)
            if is_dir:
                stack.append((entry.path, rel, -1))
                continue
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                notices.append(Notice(rel, NoticeKind.UNREADABLE, exc.strerror or str(exc)))
                continue
            if not stat.S_ISREG(st.st_mode):
                continue  # FIFOs, sockets, devices: never opened
            files[rel] = _source_file(entry.path, rel, root, st, kind)


_CACHEDIR_SIGNATURE = b"Signature: 8a477f597d28d172789f06886806bc55"


def _cache_tagged(directory: str) -> bool:
    """The directory carries the standard cache tag (https://bford.info/cachedir/)."""
    try:
        with open(os.path.join(directory, "CACHEDIR.TAG"), "rb") as tag:
            return tag.read(len(_CACHEDIR_SIGNATURE)) == _CACHEDIR_SIGNATURE
    except OSError:
        return False


def _entry_name(entry: os.DirEntry) -> str:
    return entry.name


def _source_file(path: str, rel: str, root: Path, st: os.stat_result, kind: str | None = None) -> SourceFile:
    kind = kind or classify(os.path.basename(path))
    module_name, is_package = ("", False)
    if kind == "python":
        module_name, is_package = module_name_for(path, root)
    return SourceFile(path=path, rel=rel, kind=kind, module_name=module_name, is_package=is_package,
                      size=st.st_size, mtime_ns=st.st_mtime_ns, ctime_ns=st.st_ctime_ns)


def module_name_for(path: str | Path, root: Path) -> tuple[str, bool]:
    """`pkg/sub/mod.py` → `pkg.sub.mod`: climb while the directory is a package (has `__init__.py`)."""
    name = os.path.basename(path)
    stem = name.rsplit(".", 1)[0]
    is_package = stem == "__init__"
    prefix = _package_prefix(os.path.dirname(path), str(root))
    if is_package:
        return prefix, True
    return (f"{prefix}.{stem}" if prefix else stem), False


@functools.lru_cache(maxsize=8192)
def _package_prefix(directory: str, root: str) -> str:
    """The dotted package a directory is (`pkg.sub`), or "" when it is not a package."""
    if not _is_package_dir(directory):
        return ""
    parent = os.path.dirname(directory)
    if directory == root or parent == directory:
        return os.path.basename(directory)
    above = _package_prefix(parent, root)
    return f"{above}.{os.path.basename(directory)}" if above else os.path.basename(directory)


@functools.lru_cache(maxsize=4096)
def _is_package_dir(directory: str) -> bool:
    return os.path.exists(os.path.join(directory, "__init__.py"))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return path.as_posix()


def _real(path: str | Path) -> str | None:
    try:
        return os.path.realpath(path, strict=True)
    except (OSError, RuntimeError):
        return None


def _inside(target: str, root: Path) -> bool:
    root_s = str(root)
    return target == root_s or target.startswith(root_s.rstrip(os.sep) + os.sep)


def _is_ancestor(target: str, current: str) -> bool:
    real = _real(current) or str(current)
    return real == target or real.startswith(target.rstrip(os.sep) + os.sep)
