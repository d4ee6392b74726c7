"""Files on disk, sharded by the first two hex characters of the stored name."""
import hashlib
import os
import re
import uuid

from . import config

_BAD_CHARS = re.compile(r"[^A-Za-z0-9._ -]+")


def clean_filename(name):
    name = os.path.basename(name or "").strip()
    name = _BAD_CHARS.sub("_", name)
    return name[:150] or "attachment"


def path_for(stored_name):
    if not re.fullmatch(r"[0-9a-f]{32}", stored_name):
        raise ValueError("bad stored name")
    return os.path.join(config.STORAGE_DIR, stored_name[:2], stored_name)


def save(data):
    stored_name = uuid.uuid4().hex
    path = path_for(stored_name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    etag = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return stored_name, etag, len(data)


def delete(stored_name):
    try:
        os.remove(path_for(stored_name))
    except FileNotFoundError:
        pass
