"""On-disk storage for page attachments.

Files are stored under ``attachments.path`` by a random key, never by their
original name; the database row keeps the name, type and checksum.
"""
import hashlib
import os
import re
import uuid
from pathlib import Path

_KEY_RE = re.compile(r"^[0-9a-f]{32}$")


class AttachmentStorage:
    CHUNK_SIZE = 64 * 1024

    def __init__(self, root, max_size=None):
        self.root = Path(root)
        self.max_size = max_size

    @classmethod
    def from_settings(cls, settings):
        max_size = int(settings.get("attachments.max_size", 25 * 1024 * 1024))
        return cls(settings.get("attachments.path", "var/attachments"), max_size=max_size)

    def path(self, key):
        if not _KEY_RE.match(key):
            raise ValueError(f"invalid storage key {key!r}")
        return self.root / key[:2] / key

    def save(self, fileobj):
        """Copy ``fileobj`` into storage; returns (key, size, sha256 hex digest)."""
        key = uuid.uuid4().hex
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")

        digest = hashlib.sha256()
        size = 0
        try:
            with open(partial, "wb") as out:
                while chunk := fileobj.read(self.CHUNK_SIZE):
                    size += len(chunk)
                    if self.max_size is not None and size > self.max_size:
                        raise FileTooLarge(self.max_size)
                    digest.update(chunk)
                    out.write(chunk)
            os.replace(partial, target)
        finally:
            if partial.exists():
                partial.unlink()
        return key, size, digest.hexdigest()

    def delete(self, key):
        try:
            self.path(key).unlink()
        except FileNotFoundError:
            pass


class FileTooLarge(Exception):
    def __init__(self, limit):
        super().__init__(f"file exceeds the {limit} byte limit")
        self.limit = limit


def safe_filename(name):
    """Strip directories and control characters from an uploaded file name."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = re.sub(r"[\x00-\x1f\x7f\"]", "", name).strip()
    return name[:255] or "upload.bin"
