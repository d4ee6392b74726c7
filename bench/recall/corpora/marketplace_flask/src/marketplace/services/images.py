import hashlib
import os

from flask import current_app
from PIL import Image
from werkzeug.utils import secure_filename

from ..utils.strings import random_string

ALLOWED_EXTENSIONS = {"jpg", "jpeg", "png", "webp"}
MAX_DIMENSION = 1600


def allowed_file(filename):
    return "." in filename and filename.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS


def save_listing_image(file_storage, listing_id):
    filename = secure_filename(file_storage.filename or "")
    if not allowed_file(filename):
        raise ValueError("Unsupported image type")
    ext = filename.rsplit(".", 1)[1].lower()
    folder = os.path.join(current_app.config["UPLOAD_FOLDER"], "listings", str(listing_id))
    os.makedirs(folder, exist_ok=True)
    name = f"{random_string(10)}.{ext}"
    path = os.path.join(folder, name)

    image = Image.open(file_storage.stream)
    image.thumbnail((MAX_DIMENSION, MAX_DIMENSION))
    image.save(path, optimize=True, quality=85)

    with open(path, "rb") as fh:
        etag = hashlib.md5(fh.read(), usedforsecurity=False).hexdigest()
    return os.path.relpath(path, current_app.config["UPLOAD_FOLDER"]), etag
