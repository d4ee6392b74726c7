"""Share links: read-only public views of a single note, optionally password protected."""
from __future__ import annotations

import hashlib
import hmac
import logging
import random
import secrets
import string
from datetime import timedelta

from jose import JWTError, jwt
from starlette.concurrency import run_in_threadpool

from inkwell.config import settings
from inkwell.exceptions import Conflict, NotFound, PermissionDenied
from inkwell.models import Comment, Note, ShareLink, User
from inkwell.services import analytics_store
from inkwell.utils import utcnow

logger = logging.getLogger(__name__)

_TOKEN_ALPHABET = string.ascii_letters + string.digits
UNLOCK_GRANT_TTL = timedelta(hours=12)


def _new_token(length: int = 22) -> str:
    return "".join(random.choices(_TOKEN_ALPHABET, k=length))


def _hash_share_password(password: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{password}".encode("utf-8")).hexdigest()


def share_url(link: ShareLink) -> str:
    return f"{settings.public_base_url}/s/{link.token}"


async def create_share_link(
    note: Note,
    user: User,
    *,
    password: str | None = None,
    expires_in_days: int | None = None,
    allow_comments: bool = True,
) -> ShareLink:
    existing = await ShareLink.find(ShareLink.note_id == note.id, ShareLink.revoked == False).count()  # noqa: E712
    if existing >= settings.max_share_links_per_note:
        raise Conflict("This note already has too many active share links")

    link = ShareLink(
        token=_new_token(),
        note_id=note.id,
        created_by=user.id,
        allow_comments=allow_comments,
    )
    if password:
        link.password_salt = secrets.token_hex(16)
        link.password_hash = _hash_share_password(password, link.password_salt)
    days = expires_in_days or settings.share_default_expiry_days
    if days:
        link.expires_at = utcnow() + timedelta(days=days)
    await link.insert()
    logger.info("share link created for note %s by %s: %s", note.id, user.id, link.token)
    return link


async def list_links_for_note(note: Note) -> list[ShareLink]:
    return await ShareLink.find(ShareLink.note_id == note.id).sort("-created_at").to_list()


async def revoke_link(note: Note, link_id: str) -> None:
    link = await ShareLink.find_one(ShareLink.note_id == note.id, {"_id": _oid(link_id)})
    if link is None:
        raise NotFound("Share link not found")
    link.revoked = True
    await link.save()


def _oid(value: str):
    from inkwell.utils import parse_object_id

    return parse_object_id(value, "Share link")


async def find_live_link(token: str) -> ShareLink | None:
    if not token or len(token) > 64:
        return None
    link = await ShareLink.find_one(ShareLink.token == token)
    if link is None or not link.is_live:
        return None
    return link


def verify_share_password(link: ShareLink, password: str) -> bool:
    if not link.password_hash or not link.password_salt:
        return True
    candidate = _hash_share_password(password, link.password_salt)
    return hmac.compare_digest(candidate, link.password_hash)


def issue_unlock_grant(link: ShareLink, password: str) -> str:
    # The password is re-checked on every view so changing it locks out old grants.
    key = settings.jwt_secret.get_secret_value()
    exp = utcnow() + UNLOCK_GRANT_TTL
    return jwt.encode({"sl": link.token, "pwd": password, "exp": exp}, key, algorithm="HS256")


def check_unlock_grant(link: ShareLink, grant: str | None) -> bool:
    if not grant:
        return False
    try:
        claims = jwt.decode(grant, settings.jwt_secret.get_secret_value(), algorithms=["HS256"])
    except JWTError:
        return False
    if claims.get("sl") != link.token:
        return False
    return verify_share_password(link, str(claims.get("pwd", "")))


async def record_view(link: ShareLink, note: Note, viewer: User | None) -> None:
    await ShareLink.find_one(ShareLink.id == link.id).update({"$inc": {"view_count": 1}})
    await run_in_threadpool(
        analytics_store.record_event,
        "view",
        note_id=str(note.id),
        owner_id=str(note.owner_id),
        user_id=str(viewer.id) if viewer else None,
        actor_email=viewer.email if viewer else None,
        meta={"via": "share", "share_id": str(link.id)},
    )


async def list_comments(link: ShareLink, limit: int = 200) -> list[Comment]:
    return await Comment.find(Comment.share_id == link.id).sort("+created_at").limit(limit).to_list()


async def add_comment(link: ShareLink, author: User, body: str) -> Comment:
    if not link.allow_comments:
        raise PermissionDenied("Comments are disabled for this link")
    body = body.strip()
    if not body:
        raise Conflict("Comment is empty")
    comment = Comment(
        share_id=link.id,
        note_id=link.note_id,
        author_id=author.id,
        author_name=author.display_name,
        body=body[:4000],
    )
    await comment.insert()
    await run_in_threadpool(
        analytics_store.record_event,
        "comment",
        note_id=str(link.note_id),
        user_id=str(author.id),
        actor_email=author.email,
    )
    return comment
