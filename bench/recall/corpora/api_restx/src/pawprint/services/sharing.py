"""Read-only share links for pet records (referrals, insurers, pet sitters)."""
import logging
import uuid
from datetime import datetime, timezone

from flask import current_app

from ..models.pets import Pet, ShareLink

log = logging.getLogger(__name__)


class ShareLinkError(Exception):
    pass


def create_share_link(pet: Pet, created_by, recipient=None, ttl=None):
    if pet.archived_at is not None:
        raise ShareLinkError("Archived records can't be shared")
    ttl = ttl or current_app.config["SHARE_LINK_TTL"]
    link = ShareLink(
        token=uuid.uuid1().hex,
        pet=pet,
        created_by=created_by,
        recipient=recipient,
        expires_at=datetime.now(timezone.utc) + ttl,
    )
    link.save()
    log.info("Share link for pet %s created by %s (recipient=%s)", pet.id, created_by.id, recipient)
    return link


def share_url(link):
    return f"{current_app.config['PUBLIC_BASE_URL']}/api/shared/{link.token}"


def resolve_share_link(token):
    link = ShareLink.objects(token=token).first()
    if link is None:
        return None
    expires = link.expires_at
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=timezone.utc)
    if expires <= datetime.now(timezone.utc):
        return None
    ShareLink.objects(id=link.id).update_one(inc__views=1)
    return link


def revoke_share_links(pet):
    deleted = ShareLink.objects(pet=pet).delete()
    log.info("Revoked %s share links for pet %s", deleted, pet.id)
    return deleted
