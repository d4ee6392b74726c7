import hashlib
import os
import uuid

from flask import current_app
from werkzeug.utils import secure_filename


class UploadRejected(Exception):
    pass


def allowed(filename):
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return ext in current_app.config["ALLOWED_UPLOAD_EXTENSIONS"]


def upload_dir():
    return current_app.config["UPLOAD_FOLDER"]


def save_upload(file_storage):
    """Store an uploaded file under a random name, return (stored_name, size, sha256)."""
    original = secure_filename(file_storage.filename or "")
    if not original or not allowed(original):
        raise UploadRejected("File type not allowed")
    ext = original.rsplit(".", 1)[-1].lower()
    stored_name = f"{uuid.uuid4().hex}.{ext}"
    path = os.path.join(upload_dir(), stored_name)

    digest = hashlib.sha256()
    size = 0
    with open(path, "wb") as out:
        while True:
            chunk = file_storage.stream.read(64 * 1024)
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return stored_name, size, digest.hexdigest()


def delete_upload(stored_name):
    path = os.path.join(upload_dir(), secure_filename(stored_name))
    if os.path.exists(path):
        os.remove(path)
