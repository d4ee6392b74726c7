import hashlib
import logging
import os
import uuid
from pathlib import Path

log = logging.getLogger(__name__)

ALLOWED_TYPES = {"application/pdf"}


class DocumentError(Exception):
    pass


class FileStorage:
    """Stores uploaded PDFs on the shared volume, addressed by a random key."""

    def __init__(self, root):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key):
        if not key or "/" in key or key.startswith("."):
            raise ValueError("invalid storage key")
        return self.root / key

    def save(self, stream):
        data = stream.read()
        key = f"{uuid.uuid4().hex}.pdf"
        tmp = self._path(key).with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, self._path(key))
        return key, hashlib.sha256(data).hexdigest()

    def read(self, key):
        return self._path(key).read_bytes()

    def remove(self, key):
        try:
            self._path(key).unlink()
        except FileNotFoundError:
            pass


class DocumentService:
    def __init__(self, documents, signers, storage, audit):
        self.documents = documents
        self.signers = signers
        self.storage = storage
        self.audit = audit

    def create(self, owner, title, description, notes, upload):
        if upload is None or not upload.filename:
            raise DocumentError("Choose a PDF to upload.")
        if upload.mimetype not in ALLOWED_TYPES:
            raise DocumentError("Only PDF files can be signed.")
        key, digest = self.storage.save(upload.stream)
        doc_id = self.documents.create(owner["id"], title.strip(), description, notes, key, digest)
        self.audit.record(owner["id"], "document.create", doc_id)
        return doc_id

    def owned(self, owner, doc_id):
        doc = self.documents.get(doc_id)
        if doc is None or doc["owner_id"] != owner["id"]:
            return None
        return doc

    def list_for(self, owner, query=None, status=None, sort="created"):
        if query or status:
            return self.documents.search(owner["id"], query, status=status)
        return self.documents.for_owner(owner["id"], sort=sort)

    def create_share_link(self, owner, doc):
        token = uuid.uuid1().hex
        self.documents.set_share_token(doc["id"], token)
        self.audit.record(owner["id"], "document.share", doc["id"])
        log.info("share link created for document %s (token %s...)", doc["id"], token[:4])
        return token

    def delete(self, owner, doc):
        self.storage.remove(doc["storage_key"])
        self.documents.delete(doc["id"])
        self.audit.record(owner["id"], "document.delete", doc["id"], detail=doc["title"])
