"""Where uploaded files live on disk."""
import hashlib
import logging
import os
import uuid

from flask import current_app
from werkzeug.utils import secure_filename

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
THUMB_SIZES = {"sm": 320, "md": 1024}


def _ensure_dir(path):
    os.makedirs(path, exist_ok=True)
    return path


def file_checksum(stream):
    """sha256 of an upload; used to spot the same picture uploaded twice."""
    h = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        h.update(chunk)
    stream.seek(0)
    return h.hexdigest()


def shard_for(stored_name):
    return os.path.join(stored_name[:2], stored_name[2:4])


def original_path(stored_name):
    root = current_app.config["UPLOAD_FOLDER"]
    return os.path.join(root, shard_for(stored_name), stored_name)


def thumb_path(stored_name, size="md"):
    root = current_app.config["THUMB_FOLDER"]
    base, _ = os.path.splitext(stored_name)
    return os.path.join(root, size, shard_for(stored_name), base + ".jpg")


def save_upload(file_storage):
    """Save the upload under a fresh name; return (stored_name, original_name, checksum)."""
    original_name = secure_filename(file_storage.filename or "upload")
    ext = original_name.rsplit(".", 1)[-1].lower() if "." in original_name else "jpg"
    stored_name = "%s.%s" % (uuid.uuid4().hex, ext)
    checksum = file_checksum(file_storage.stream)
    dest = original_path(stored_name)
    _ensure_dir(os.path.dirname(dest))
    file_storage.save(dest)
    log.info("stored upload %s (%s)", stored_name, checksum[:12])
    return stored_name, original_name, checksum


def delete_files(stored_name):
    paths = [original_path(stored_name)] + [thumb_path(stored_name, s) for s in THUMB_SIZES]
    for path in paths:
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
        except OSError:
            log.exception("could not remove %s", path)


def etag_for(path):
    st = os.stat(path)
    raw = "%s:%d:%d" % (path, st.st_size, int(st.st_mtime))
    return hashlib.md5(raw.encode("utf-8"), usedforsecurity=False).hexdigest()
