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
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from secpat import safeio
from secpat.config import DEFAULT_EXCLUDES
from secpat.findings import Notice, NoticeKind

if TYPE_CHECKING:
    import pathspec

TEMPLATE_SUFFIXES = {".html", ".htm", ".jinja", ".jinja2", ".j2", ".djhtml"}
CONFIG_SUFFIXES = {".ini", ".cfg", ".toml", ".yaml", ".yml", ".json", ".properties", ".conf", ".service"}
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


# A file or directory changed this recently could change again within the same tick of its
# timestamps, unseen: what was read from it is not remembered as settled.
SETTLE_NS = 2_000_000_000


@dataclass
class WalkMemo:
    """What one walk saw: the directories it listed and the ignore files it read, each with its status,
    and the files it kept. Adding, removing or renaming an entry changes its directory's modification
    and change times, so while none of these changed the next walk finds the same files and only has to
    read each file's status again. A walk that met an unreadable directory or a broken link is not
    remembered: what it could not see may appear without any of these changing."""

    dirs: list[tuple[str, int, int]] = field(default_factory=list)  # path, mtime_ns, ctime_ns
    ignore_files: list[tuple[str, int, int, int]] = field(default_factory=list)  # path, size, mtime_ns, ctime_ns
    files: list[tuple[str, str, str, str, bool]] = field(default_factory=list)  # path, rel, kind, module, package
    notices: list[Notice] = field(default_factory=list)
    complete: bool = True

    def see_dir(self, path: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            self.complete = False
            return
        self.dirs.append((path, st.st_mtime_ns, st.st_ctime_ns))

    def see_ignore_file(self, path: str) -> None:
        try:
            st = os.stat(path)
        except OSError:
            self.complete = False
            return
        self.ignore_files.append((path, st.st_size, st.st_mtime_ns, st.st_ctime_ns))

    def settled(self) -> bool:
        """No directory or ignore file changed in the last moments (see SETTLE_NS)."""
        recent = time.time_ns() - SETTLE_NS
        return all(m < recent and c < recent for _, m, c in self.dirs) and all(
            m < recent and c < recent for _, _, m, c in self.ignore_files
        )

    def to_data(self) -> dict:
        return {
            "dirs": self.dirs,
            "ignore_files": self.ignore_files,
            "files": self.files,
            "notices": [[n.path, n.kind.value, n.message, n.line] for n in self.notices],
        }

    @classmethod
    def from_data(cls, data: object) -> WalkMemo | None:
        """The memo in `data`, or None when it is not one (any damage means a fresh walk)."""
        try:
            assert isinstance(data, dict)
            dirs = [(str(p), int(m), int(c)) for p, m, c in data["dirs"]]
            ignore_files = [(str(p), int(z), int(m), int(c)) for p, z, m, c in data["ignore_files"]]
            files = [(str(p), str(r), str(k), str(n), bool(g)) for p, r, k, n, g in data["files"]]
            notices = [
                Notice(str(p), NoticeKind(k), str(m), None if n is None else int(n)) for p, k, m, n in data["notices"]
            ]
        except (AssertionError, KeyError, TypeError, ValueError):
            return None
        return cls(dirs, ignore_files, files, notices)

    def replay(self) -> list[SourceFile] | None:
        """The files of the remembered walk with their current status, or None when the tree changed."""
        try:
            for path, mtime_ns, ctime_ns in self.dirs:
                st = os.stat(path)
                if st.st_mtime_ns != mtime_ns or st.st_ctime_ns != ctime_ns:
                    return None
            for path, size, mtime_ns, ctime_ns in self.ignore_files:
                st = os.stat(path)
                if (st.st_size, st.st_mtime_ns, st.st_ctime_ns) != (size, mtime_ns, ctime_ns):
                    return None
            files = []
            for path, rel, kind, module_name, is_package in self.files:
                st = os.stat(path)
                if not stat.S_ISREG(st.st_mode):
                    return None
                files.append(
                    SourceFile(
                        path=path,
                        rel=rel,
                        kind=kind,
                        module_name=module_name,
                        is_package=is_package,
                        size=st.st_size,
                        mtime_ns=st.st_mtime_ns,
                        ctime_ns=st.st_ctime_ns,
                    )
                )
        except OSError:
            return None
        return files


def file_kind(rel: str) -> str:
    """What a file is, from its path: an HTML file under a `static` directory is served as it is, never
    rendered (Django's and Flask's static files), so it is `static`, not a template."""
    head, _, name = rel.replace("\\", "/").rpartition("/")
    kind = classify(name)
    if kind == "template" and any(part.lower() in _STATIC_DIRS for part in head.split("/")):
        return "static"
    return kind


_STATIC_DIRS = frozenset({"static", "staticfiles"})


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
    if (
        suffix in CONFIG_SUFFIXES
        or lower in {"dockerfile", "docker-compose.yml", "compose.yaml"}
        or lower.startswith("dockerfile.")
    ):
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
            notices.append(
                Notice(
                    where,
                    NoticeKind.CONFIG,
                    f"ignore pattern with {wildcards} wildcards not applied (at most "
                    f"{MAX_PATTERN_WILDCARDS} are matched, to keep matching fast)",
                    number,
                )
            )
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
    import pathspec  # here: a walk answered from its memo compiles no patterns

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return pathspec.GitIgnoreSpec.from_lines(patterns)


class _Ignores:
    """Gitignore rules of every directory on the way down, plus configured excludes."""

    def __init__(
        self,
        root: Path,
        excludes: Sequence[str],
        respect_gitignore: bool,
        notices: list[Notice],
        memo: WalkMemo | None = None,
    ):
        self.root = root
        self.memo = memo
        self.respect_gitignore = respect_gitignore
        self.notices = notices
        # The built-in skips are directory names: a set lookup, not a pattern match per path.
        self.default_dirs = {p.rstrip("/") for p in DEFAULT_EXCLUDES if "*" not in p}
        self.default_globs = [p.rstrip("/") for p in DEFAULT_EXCLUDES if "*" in p]
        self.excludes = _compiled(bounded_patterns(excludes, "exclude", notices)) if excludes else None
        self.specs: list[tuple[str, pathspec.PathSpec]] = []  # (dir prefix, spec), outermost first

    def load_dir(self, rel_dir: str, abs_dir: Path) -> int:
        if not self.respect_gitignore:
            return 0
        gitignore = abs_dir / ".gitignore"
        where = f"{rel_dir}/.gitignore" if rel_dir else ".gitignore"
        if self.memo is not None:
            self.memo.see_dir(str(abs_dir))  # a .gitignore created there changes the directory
        try:
            data = safeio.read_capped(gitignore, MAX_GITIGNORE_BYTES)
        except FileNotFoundError:
            return 0
        except OSError as exc:
            # Not a reason to stop the scan: without its patterns more is scanned, never less.
            self.notices.append(Notice(where, NoticeKind.CONFIG, f"not read: {exc.strerror or exc}"))
            return 0
        if self.memo is not None:
            self.memo.see_ignore_file(str(gitignore))
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
            sub = probe[len(prefix) + 1 :] if prefix else probe
            if spec.match_file(sub):
                return True
        return False


def discover(
    paths: Iterable[Path],
    root: Path,
    *,
    excludes: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> tuple[list[SourceFile], list[Notice]]:
    """All files under `paths`, relative to `root`, in a stable order."""
    files, notices, _ = discover_remembered(paths, root, excludes=excludes, respect_gitignore=respect_gitignore)
    return files, notices


def discover_remembered(
    paths: Iterable[Path],
    root: Path,
    *,
    excludes: Sequence[str] = (),
    respect_gitignore: bool = True,
    previous: WalkMemo | None = None,
) -> tuple[list[SourceFile], list[Notice], WalkMemo | None]:
    """As `discover`, answered from `previous` when the tree did not change since that walk (the
    caller keys it by the same paths and settings). Also returns the memo of a new walk, to keep."""
    if previous is not None:
        replayed = previous.replay()
        if replayed is not None:
            return replayed, list(previous.notices), None
    memo = WalkMemo()
    files, notices = _discover(paths, root, excludes, respect_gitignore, memo)
    if not memo.complete or not memo.settled() or any(n.kind is not NoticeKind.CONFIG for n in notices):
        return files, notices, None
    memo.files = [(f.path, f.rel, f.kind, f.module_name, f.is_package) for f in files]
    memo.notices = list(notices)
    return files, notices, memo


def _discover(
    paths: Iterable[Path], root: Path, excludes: Sequence[str], respect_gitignore: bool, memo: WalkMemo
) -> tuple[list[SourceFile], list[Notice]]:
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
            memo.see_dir(str(start_abs.parent))  # the file's removal changes its directory
            continue
        ignores = _Ignores(root, excludes, respect_gitignore, notices, memo)
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
        start_real = _real(start_abs)
        _walk(start_abs, root, ignores, files, notices, {start_real} if start_real else set(), memo)
    return _named_from_import_roots([files[k] for k in sorted(files)], str(root), memo), notices


#: The first name of an absolute import: `app` of `from app.core import settings` or `import app.models`.
_IMPORTED_ROOT = re.compile(rb"^[ \t]*(?:from|import)[ \t]+([A-Za-z_]\w*)", re.MULTILINE)
_MAX_IMPORT_READ = 1 << 20


def _named_from_import_roots(files: list[SourceFile], root: str, memo: WalkMemo) -> list[SourceFile]:
    """Modules below directories without `__init__.py` (namespace packages, PEP 420), named as the code
    imports them. `app/api/routers/portal.py` is `app.api.routers.portal` when the code imports from `app`
    (`from app.core.config import settings`), and stays `portal` in a directory of scripts that nothing
    imports from. Which directory is the import root is read from the imports of the modules outside any
    package, where those imports are written; a package below such a directory (`app/admin/__init__.py`)
    is named from the same root unless the code imports it by its own name."""
    outside: list[tuple[int, list[str], int]] = []  # files with a directory above their top-most package
    readers: list[SourceFile] = []
    for index, f in enumerate(files):
        if f.kind != "python" or not f.module_name:
            continue
        parts = f.rel.split("/")[:-1]
        depth = len(f.module_name.split(".")) - (0 if f.is_package else 1)  # directories the name covers
        above = parts[: len(parts) - depth]
        if depth == 0:
            readers.append(f)
        if above:
            outside.append((index, above, depth))
    if not outside:
        return files
    imported: set[str] = set()
    for f in readers:
        if f.size > _MAX_IMPORT_READ:
            continue
        try:
            with open(f.path, "rb") as handle:
                imported.update(m.decode() for m in _IMPORTED_ROOT.findall(handle.read()))
        except OSError:
            continue
        memo.see_ignore_file(f.path)  # what it imports decides names: a change to it means a new walk
    renamed = list(files)
    for index, above, depth in outside:
        f = files[index]
        if depth and f.module_name.split(".", 1)[0] in imported:
            continue  # a package the code imports by its own name (`mysite.settings` inside `mysite/`)
        start = next((i for i, part in enumerate(above) if part in imported), None)
        if start is None or not all(part.isidentifier() for part in above[start:]):
            continue
        renamed[index] = replace(f, module_name=".".join([*above[start:], f.module_name]))
    return renamed


def excluded(rel: str, excludes: Sequence[str] = ()) -> bool:
    """Whether a walk skips `rel` (POSIX, relative to the root) by the built-in skips or `excludes`,
    at the file or at a directory above it (`.gitignore` aside)."""
    ignores = _Ignores(Path("."), excludes, respect_gitignore=False, notices=[])
    parts = rel.split("/")
    return any(ignores.ignored("/".join(parts[:end]), True) for end in range(1, len(parts))) or ignores.ignored(
        rel, False
    )


def _walk(
    directory: Path,
    root: Path,
    ignores: _Ignores,
    files: dict[str, SourceFile],
    notices: list[Notice],
    seen: set[str],
    memo: WalkMemo,
) -> None:
    start_rel = _rel(directory, root)
    stack: list[tuple[str, str, int]] = [(str(directory), "" if start_rel == "." else start_rel, -1)]
    # Depth-first with explicit pops so nested .gitignore files apply only below their directory.
    while stack:
        current, rel_dir, pop_count = stack.pop()
        if pop_count >= 0:
            ignores.pop(pop_count)
            continue
        memo.see_dir(current)  # before listing it: a change made while it is read shows next time
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=_entry_name, reverse=True)
        except OSError as exc:
            stack.append((current, rel_dir, 0))
            notices.append(
                Notice(rel_dir or ".", NoticeKind.UNREADABLE, f"cannot list directory: {exc.strerror or exc}")
            )
            continue
        if rel_dir and any(entry.name == "CACHEDIR.TAG" for entry in entries):
            memo.see_ignore_file(os.path.join(current, "CACHEDIR.TAG"))  # its content decides, not its presence
            if _cache_tagged(current):
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
            if not is_dir and classify(entry.name) == "other":
                continue  # nothing scans these: skip them before any matching or stat
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            kind = "" if is_dir else file_kind(rel)
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
    kind = kind or file_kind(rel)
    module_name, is_package = ("", False)
    if kind == "python":
        module_name, is_package = module_name_for(path, root)
    return SourceFile(
        path=path,
        rel=rel,
        kind=kind,
        module_name=module_name,
        is_package=is_package,
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        ctime_ns=st.st_ctime_ns,
    )


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
    """The dotted package a directory is (`pkg.sub`), or "" when it is not a package. A directory with no
    `__init__.py` inside a package is a namespace package (PEP 420): `pkg/routers/auths.py` is imported
    as `pkg.routers.auths`."""
    parent = os.path.dirname(directory)
    top = directory == root or parent == directory
    above = "" if top else _package_prefix(parent, root)
    if not _is_package_dir(directory):
        return f"{above}.{os.path.basename(directory)}" if above else ""
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


#: Where an unpacked release names the packages it installs (setuptools' egg-info, in the sdist).
_TOP_LEVEL_LISTS = ("*.egg-info/top_level.txt", "src/*.egg-info/top_level.txt")


def not_installed(root: Path) -> tuple[str, ...]:
    """Test-path patterns for the Python code of an unpacked release (`PKG-INFO` at its root) that is in
    none of the packages the release installs (its egg-info's `top_level.txt`): a demo site, contributed
    scripts, maintenance tools, shipped as source beside the package. A working tree has no `PKG-INFO`,
    and a release that does not list its packages says nothing: both give ()."""
    if not (root / "PKG-INFO").is_file():
        return ()
    installed: set[str] = set()
    for pattern in _TOP_LEVEL_LISTS:
        for listing in sorted(root.glob(pattern))[:4]:
            try:
                text = safeio.read_regular(listing, 64_000, follow_symlinks=False)[0].decode("utf-8", "replace")
            except OSError:
                continue
            installed.update(line.strip().split("/", 1)[0] for line in text.splitlines() if line.strip())
    if not installed:
        return ()
    found = []
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return ()
    for entry in entries:
        name = entry.name
        if name in installed or name == "src" or name.startswith(".") or name.endswith(".egg-info"):
            continue
        if entry.is_dir(follow_symlinks=False) and _holds_python(entry.path):
            found.append(f"/{name}/**/*.py")  # its code only: data files (templates) may be installed
    return tuple(found)


def _holds_python(directory: str, budget: int = 2000) -> bool:
    """Whether a `.py` file is under `directory` (looking at no more than `budget` entries)."""
    for _base, dirs, files in os.walk(directory):
        if any(f.endswith(".py") for f in files):
            return True
        budget -= len(dirs) + len(files)
        if budget <= 0:
            return False
    return False
