"""The result cache: kept outside every scanned tree, plain data, authenticated.

Where: the user's cache directory (`platformdirs.user_cache_dir("secpat")`, or
`SECPAT_CACHE_DIR`), one file per (project root, configuration, secpat
version). `--cache-dir` moves the result files; the key never leaves the cache
root.

What: JSON holding, per file, the status and the content hash of the exact
bytes that were analysed, and the result as plain data (see `codec`; the
engine decides what to encode and when to decode it). Beside it, a small file
holds the last run's whole result under a key of every file's status, so an
unchanged tree is answered without reading the per-file results. Each file
opens with an HMAC-SHA256 of its body under a random key created 0600 in the
cache root, so a cache file that secpat did not write here, such as one shipped
inside a repository, is never read, let alone trusted. Anything malformed is
discarded and rebuilt.

Pruned on save: files not used for `MAX_AGE_DAYS` go first, then the oldest
until the cache root is under `MAX_TOTAL_BYTES`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from secpat import safeio

__all__ = ["ResultCache", "WalkCache", "cache_root", "content_digest"]

FORMAT = 2
MAGIC = b"secpat-cache"
MAX_AGE_DAYS = 30
MAX_TOTAL_BYTES = 1 << 30
MAX_FILE_BYTES = 512 << 20
_KEY_BYTES = 32
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# secpat's result cache: safe to delete.\n"


def cache_root() -> Path:
    """The user's cache directory for secpat."""
    explicit = os.environ.get("SECPAT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("secpat", appauthor=False))


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _private_dir(path: Path) -> None:
    """Create `path` (and parents) for this user only; refuse a symbolic link in its place."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise safeio.WriteError(f"{path} is not a directory")


def _load_key(root: Path) -> bytes:
    """The cache's HMAC key: 32 random bytes in `root/key`, created 0600 on first use."""
    path = root / "key"
    if not os.path.lexists(path):
        # Written whole under another name, then linked into place: a second secpat starting at the
        # same moment sees either no key or the whole key, never a half-written one.
        fd, tmp = tempfile.mkstemp(dir=root, prefix=".key.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(_KEY_BYTES))
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        st = os.fstat(fd)
        # Someone else's key, or one anyone can read, could be used to forge entries.
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o077 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            raise safeio.ReadError(f"{path}: cache key must be a private file of this user (mode 0600)")
        key = os.read(fd, _KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(key) != _KEY_BYTES:
        raise safeio.ReadError(f"{path}: cache key has the wrong size")
    return key


class ResultCache:
    """Per-file results of one project under one configuration.

    `entries` maps a file's path to [mtime_ns, size, content digest, payload], the payload being
    JSON data the caller encoded; the cache hands it back as it was stored.
    """

    def __init__(self, project_root: Path, key: str, directory: Path | None = None, name: str | None = None):
        self._entries: dict[str, list[Any]] = {}
        #: [key of every file's identity, payload of the project stage].
        self._project: list[Any] | None = None
        self._loaded = False
        self._run: list[Any] | None = None  # [key, payload] of the whole run, to be saved
        self.dirty = False
        self.problem: str | None = None  # why the cache is not in use, for a notice
        self.path: Path | None = None
        self._key = b""
        try:
            self._key, results_dir = _open_results(directory)
            _tag(results_dir)
        except OSError as exc:
            self.problem = f"cache not used: {exc.strerror or exc}"
            return
        project = name if name is not None else str(project_root.resolve())
        digest = hashlib.sha256(f"{project}\x1f{key}".encode("utf-8", "surrogateescape")).hexdigest()
        self.path = results_dir / f"{digest[:32]}.json"

    # -- reading ---------------------------------------------------------------

    @property
    def entries(self) -> dict[str, list[Any]]:
        self._load()
        return self._entries

    @property
    def project(self) -> list[Any] | None:
        self._load()
        return self._project

    def _load(self) -> None:
        """Read the per-file results, on first use: a run answered whole never needs them."""
        if self._loaded or self.path is None:
            return
        self._loaded = True
        try:
            raw = safeio.read_capped(self.path, MAX_FILE_BYTES)
        except FileNotFoundError:
            return
        except OSError:
            self.dirty = True  # replaced on save
            return
        try:
            body = self._verified_body(raw)
            document = json.loads(body)
            self._accept(document)
            _touch(self.path)
        except (ValueError, TypeError, RecursionError):
            self._entries, self._project = {}, None  # not ours or damaged: rebuilt, never trusted
            self.dirty = True

    def _verified_body(self, raw: bytes) -> bytes:
        return _verified_body(self._key, raw)

    def _accept(self, document: object) -> None:
        if not isinstance(document, dict):
            raise ValueError("malformed cache")
        files = document.get("files")
        project = document.get("project")
        if not isinstance(files, dict):
            raise ValueError("malformed cache")
        for rel, entry in files.items():
            if not (
                isinstance(entry, list)
                and len(entry) == 4
                and isinstance(entry[0], int)
                and isinstance(entry[1], int)
                and isinstance(entry[2], str)
            ):
                raise ValueError("malformed cache entry")
        if project is not None and not (
            isinstance(project, list) and len(project) == 2 and isinstance(project[0], str)
        ):
            raise ValueError("malformed project entry")
        self._entries, self._project = files, project

    def lookup(self, rel: str, mtime_ns: int, size: int, read_digest: Callable[[], str | None]) -> Any | None:
        """The payload stored for a file, or None. `read_digest()` hashes the file's current bytes
        and is called only when its status changed since the payload was stored."""
        entry = self.entries.get(rel)
        if entry is None:
            return None
        stored_mtime, stored_size, digest, encoded = entry
        if stored_size != size:
            return None
        if stored_mtime != mtime_ns:
            current = read_digest()
            if current != digest:
                return None
            entry[0] = mtime_ns
            self.dirty = True
        return encoded

    def run_result(self, run_key: str) -> Any | None:
        """The payload of the last whole run, if it was made under `run_key`."""
        if self.path is None:
            return None
        try:
            document = json.loads(self._verified_body(safeio.read_capped(self._run_path(), MAX_FILE_BYTES)))
        except (OSError, ValueError, TypeError, RecursionError):
            return None
        if not (isinstance(document, list) and len(document) == 2 and document[0] == run_key):
            return None
        _touch(self._run_path())
        _touch(self.path)  # the per-file results stay as fresh as the run they back
        return document[1]

    def store_run(self, run_key: str, payload: Any) -> None:
        """Remember the whole run's result; written by `save`."""
        if self.path is not None:
            self._run = [run_key, payload]

    def _run_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.stem + ".run.json")

    def forget(self, rel: str) -> None:
        """Drop a file's entry (its payload could not be used)."""
        if self.entries.pop(rel, None) is not None:
            self.dirty = True

    def project_result(self, project_key: str) -> Any | None:
        if self.project is None or self.project[0] != project_key:
            return None
        return self.project[1]

    # -- writing ---------------------------------------------------------------

    def store(self, rel: str, mtime_ns: int, size: int, digest: str, payload: Any) -> None:
        """Remember `payload` for the exact bytes it was computed from (their status and digest)."""
        if self.path is None:
            return
        self.entries[rel] = [mtime_ns, size, digest, payload]
        self.dirty = True

    def store_project(self, project_key: str, payload: Any) -> None:
        if self.path is None:
            return
        self._load()
        self._project = [project_key, payload]
        self.dirty = True

    def save(self, keep: Iterable[str]) -> None:
        if self.path is None:
            return
        try:
            if self.dirty:
                keep = set(keep)
                document = {"files": {k: v for k, v in self.entries.items() if k in keep}, "project": self.project}
                self._write(self.path, document)
            if self._run is not None:
                self._write(self._run_path(), self._run)
            if self.dirty:
                _prune(self.path.parent, self.path, self._run_path())
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _write(self, path: Path, document: Any) -> None:
        _write_signed(self._key, path, document)


class WalkCache:
    """What the last walk of a tree found (`discovery.WalkMemo`), kept beside the results and
    authenticated like them, so that a walk of an unchanged tree costs one `stat` per directory and file.
    `key` names the tree and everything the walk depends on (start paths, excludes, secpat version)."""

    def __init__(self, key: str, directory: Path | None = None):
        self.path: Path | None = None
        self._key = b""
        try:
            self._key, results_dir = _open_results(directory)
        except OSError:
            return  # the result cache says why in its notice
        digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
        self.path = results_dir / f"{digest[:32]}.walk.json"

    def load(self) -> Any | None:
        if self.path is None:
            return None
        try:
            document = json.loads(_verified_body(self._key, safeio.read_capped(self.path, MAX_FILE_BYTES)))
        except (OSError, ValueError, TypeError, RecursionError):
            return None
        _touch(self.path)
        return document

    def store(self, document: Any) -> None:
        if self.path is None:
            return
        try:
            _write_signed(self._key, self.path, document)
        except OSError:
            pass  # a walk that cannot be remembered is only walked again


def _open_results(directory: Path | None) -> tuple[bytes, Path]:
    """The cache's HMAC key and the directory of result files (`directory`, or `results` in the cache
    root), both created private on first use."""
    root = cache_root()
    _private_dir(root)
    key = _load_key(root)
    results_dir = directory if directory is not None else root / "results"
    _private_dir(results_dir)
    return key, results_dir


def _verified_body(key: bytes, raw: bytes) -> bytes:
    header, sep, body = raw.partition(b"\n")
    parts = header.split(b" ")
    if not sep or len(parts) != 3 or parts[0] != MAGIC or parts[1] != str(FORMAT).encode():
        raise ValueError("not a secpat cache file")
    expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(expected, parts[2]):
        raise ValueError("cache file not written by this user's secpat")
    return body


def _write_signed(key: bytes, path: Path, document: Any) -> None:
    body = json.dumps(document, separators=(",", ":")).encode("utf-8")
    mac = hmac.new(key, body, hashlib.sha256).hexdigest().encode()
    safeio.atomic_write(path, MAGIC + b" " + str(FORMAT).encode() + b" " + mac + b"\n" + body, mode=0o600)


def _touch(path: Path) -> None:
    """Mark a result file as used (at most daily), so pruning by age spares a cache read but never rewritten."""
    try:
        if time.time() - os.stat(path).st_mtime > 86400:
            os.utime(path)
    except OSError:
        pass


def _tag(directory: Path) -> None:
    """Mark the directory as a cache for backup tools (written once, never through a link)."""
    tag = directory / "CACHEDIR.TAG"
    if not os.path.lexists(tag):
        try:
            safeio.atomic_write(tag, _CACHEDIR_TAG)
        except OSError:
            pass


def _prune(directory: Path, *current: Path) -> None:
    """Drop result files unused for MAX_AGE_DAYS, then the oldest until under MAX_TOTAL_BYTES;
    also temporary files left by a run that was killed while saving."""
    now = time.time()
    files: list[tuple[float, int, Path]] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            continue
        path = Path(entry.path)
        if entry.name.endswith(".tmp"):
            if now - st.st_mtime > 3600:
                _unlink(path)
            continue
        if not entry.name.endswith(".json") or path in current:
            continue
        if now - st.st_mtime > MAX_AGE_DAYS * 86400:
            _unlink(path)
        else:
            files.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= MAX_TOTAL_BYTES:
            break
        _unlink(path)
        total -= size


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
