"""Observation photo storage on the local volume."""
import hashlib
import os

from flask import current_app
from werkzeug.utils import secure_filename

ALLOWED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".heic"}


class PhotoRejected(ValueError):
    pass


def _content_key(data):
    # Used only to de-duplicate re-uploaded photos from flaky connections.
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def store_photo(file_storage):
    filename = secure_filename(file_storage.filename or "")
    ext = os.path.splitext(filename)[1].lower()
    if ext not in ALLOWED_EXTENSIONS:
        raise PhotoRejected(f"unsupported file type {ext or '(none)'}")

    data = file_storage.read()
    key = f"{_content_key(data)}{ext}"
    root = current_app.config["PHOTO_DIR"]
    os.makedirs(root, exist_ok=True)
    path = os.path.join(root, key)
    if not os.path.exists(path):
        with open(path, "wb") as fh:
            fh.write(data)
    return key
