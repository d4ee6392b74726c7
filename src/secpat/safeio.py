"""Reading and writing files that an untrusted repository may have shaped.

Reads open regular files only (never a FIFO, device or socket, which could hang
or never end) and never take more than a cap. Writes go to a temporary file in
the target's directory and are renamed over it, so a reader never sees half a
file; they refuse to write through a symbolic link, keep the mode of the file
they replace (0644 when new), and remove the temporary file on any error. A device
or pipe named as the target (`-o /dev/null`) is written in place.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["ReadError", "WriteError", "atomic_write", "read_capped", "read_regular"]

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NEW_FILE_MODE = 0o644


class ReadError(OSError):
    """A file that is not a readable regular file, or is over the size cap."""


class WriteError(OSError):
    """A file that must not or cannot be written."""


def read_regular(
    path: str | os.PathLike[str], limit: int, *, follow_symlinks: bool = True
) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most `limit` bytes, and its status at the time it was read.

    Opened non-blocking so that a FIFO cannot hang the open; the size is checked on the open
    descriptor before anything is read, and the read itself stops at the cap, so a file that
    grows meanwhile still cannot exhaust memory.
    """
    flags = os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | (0 if follow_symlinks else _O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise ReadError(errno.ELOOP, "is a symbolic link; not followed") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(errno.EINVAL, "not a regular file")
        if st.st_size > limit:
            raise ReadError(errno.EFBIG, f"{st.st_size:,} bytes is over the limit of {limit:,}")
        data = _read_up_to(fd, limit + 1)
        if len(data) > limit:
            raise ReadError(errno.EFBIG, f"grew over the limit of {limit:,} bytes while being read")
        return data, st
    finally:
        os.close(fd)


def read_capped(path: str | os.PathLike[str], limit: int) -> bytes:
    """`read_regular` without the status."""
    return read_regular(path, limit)[0]


def _read_up_to(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _write_in_place(path: Path, payload: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | _O_NOFOLLOW | _O_CLOEXEC)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)


def atomic_write(path: str | os.PathLike[str], data: bytes | str, *, mode: int | None = None) -> None:
    """Replace `path` with `data` all at once. Refuses a symbolic link at `path`.

    The new file gets `mode`, else the mode of the file it replaces, else 0644.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise WriteError(errno.ELOOP, f"{path} is a symbolic link; not written through")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _write_in_place(path, payload)  # `-o /dev/null` or a pipe the user set up: nothing to replace
            return
        if not stat.S_ISREG(st.st_mode):
            raise WriteError(errno.EINVAL, f"{path} is not a regular file; not replaced")
    if mode is None:
        mode = stat.S_IMODE(st.st_mode) if st is not None else _NEW_FILE_MODE
    directory = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
