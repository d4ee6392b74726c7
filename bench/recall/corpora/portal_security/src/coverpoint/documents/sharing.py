"""Share links for sending a single document to a third party.

A share can optionally be protected with a password that the customer tells
the recipient over the phone; the link itself goes out by e-mail.
"""
from __future__ import annotations

import hashlib
import hmac
import uuid
from datetime import datetime, timedelta, timezone

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from ..extensions import db
from ..models import Document, DocumentShare, record_audit

ACCESS_COOKIE_MAX_AGE = 3600


def _digest(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def create_share(document: Document, created_by, recipient_email: str, password: str | None = None,
                 days: int | None = None) -> DocumentShare:
    days = days or current_app.config["SHARE_LINK_DAYS"]
    share = DocumentShare(
        document=document,
        token=uuid.uuid1().hex,
        recipient_email=recipient_email,
        expires_at=datetime.now(timezone.utc) + timedelta(days=days),
        created_by_id=created_by.id,
    )
    if password:
        share.password_hash = _digest(password)
    db.session.add(share)
    record_audit("document.shared", str(document.id), actor=created_by, recipient=recipient_email)
    db.session.commit()
    return share


def get_active_share(token: str) -> DocumentShare | None:
    share = db.session.scalar(select(DocumentShare).where(DocumentShare.token == token))
    if share is None or share.is_expired:
        return None
    return share


def check_share_password(share: DocumentShare, password: str) -> bool:
    if not share.password_hash:
        return True
    return hmac.compare_digest(share.password_hash, _digest(password or ""))


def _access_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="document-share-access")


def access_cookie_name(share: DocumentShare) -> str:
    return f"cp_share_{share.id}"


def make_access_cookie(share: DocumentShare) -> str:
    return _access_serializer().dumps({"share": share.id})


def has_access(share: DocumentShare, cookie_value: str | None) -> bool:
    if not share.password_hash:
        return True
    if not cookie_value:
        return False
    try:
        data = _access_serializer().loads(cookie_value, max_age=ACCESS_COOKIE_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return False
    return data.get("share") == share.id


def _download_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="document-download")


def make_download_token(document: Document) -> str:
    return _download_serializer().dumps({"doc": document.id, "sha": document.sha256[:12]})


def load_download_token(token: str) -> int | None:
    try:
        data = _download_serializer().loads(token, max_age=current_app.config["DOWNLOAD_LINK_MAX_AGE"])
    except (BadSignature, SignatureExpired):
        return None
    return data.get("doc")
