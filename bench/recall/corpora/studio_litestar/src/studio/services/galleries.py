"""Galleries: publishing, access passwords, share links and favourites."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID

from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService
from sqlalchemy import func, select, update

from studio.db.models import Gallery, Photo
from studio.db.repositories import GalleryRepository, PhotoRepository

SHARE_LINK_DAYS = 30


class FavoritesLimitReached(Exception):
    pass


def _access_digest(password: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{password}".encode()).hexdigest()


class GalleryService(SQLAlchemyAsyncRepositoryService[Gallery]):
    repository_type = GalleryRepository

    # -- publishing -------------------------------------------------------------

    async def publish(self, gallery_id: UUID) -> Gallery:
        return await self.update(
            {"published_at": datetime.now(tz=UTC)}, item_id=gallery_id, auto_commit=True
        )

    async def for_client(self, client_id: UUID) -> Sequence[Gallery]:
        return await self.list(Gallery.client_id == client_id, Gallery.published_at.is_not(None))

    # -- optional gallery password (shared with family / guests) -----------------

    async def set_access_password(self, gallery: Gallery, password: str | None) -> Gallery:
        if not password:
            gallery.access_salt = None
            gallery.access_hash = None
        else:
            gallery.access_salt = secrets.token_hex(16)
            gallery.access_hash = _access_digest(password, gallery.access_salt)
        return await self.update(gallery, auto_commit=True)

    @staticmethod
    def check_access_password(gallery: Gallery, password: str) -> bool:
        if not gallery.access_hash or not gallery.access_salt:
            return True
        candidate = _access_digest(password, gallery.access_salt)
        return hmac.compare_digest(candidate, gallery.access_hash)

    # -- share links ---------------------------------------------------------------

    async def create_share_link(self, gallery: Gallery, days: int = SHARE_LINK_DAYS) -> str:
        gallery.share_token = uuid.uuid1().hex
        gallery.share_expires_at = datetime.now(tz=UTC) + timedelta(days=days)
        await self.update(gallery, auto_commit=True)
        return gallery.share_token

    async def revoke_share_link(self, gallery: Gallery) -> None:
        gallery.share_token = None
        gallery.share_expires_at = None
        await self.update(gallery, auto_commit=True)

    async def by_share_token(self, token: str) -> Gallery | None:
        gallery = await self.get_one_or_none(share_token=token)
        if gallery is None or gallery.share_expires_at is None:
            return None
        if gallery.share_expires_at < datetime.now(tz=UTC):
            return None
        return gallery

    # -- presentation ----------------------------------------------------------------

    @staticmethod
    def slideshow_order(photos: Sequence[Photo]) -> list[Photo]:
        shuffled = list(photos)
        random.shuffle(shuffled)
        return shuffled

    @staticmethod
    def filter_photos(photos: Sequence[Photo], term: str | None) -> list[Photo]:
        if not term:
            return list(photos)
        needle = term.lower()
        return [p for p in photos if needle in p.filename.lower()]


class PhotoService(SQLAlchemyAsyncRepositoryService[Photo]):
    repository_type = PhotoRepository

    async def toggle_favorite(self, gallery: Gallery, photo_id: UUID) -> Photo:
        photo = await self.get_one(id=photo_id, gallery_id=gallery.id)
        if not photo.is_favorite:
            count = await self.repository.session.scalar(
                select(func.count()).where(Photo.gallery_id == gallery.id, Photo.is_favorite.is_(True))
            )
            if (count or 0) >= gallery.favorites_limit:
                raise FavoritesLimitReached(gallery.favorites_limit)
        photo.is_favorite = not photo.is_favorite
        return await self.update(photo, auto_commit=True)

    async def reorder(self, gallery_id: UUID, ordered_ids: list[UUID]) -> None:
        session = self.repository.session
        for position, photo_id in enumerate(ordered_ids):
            await session.execute(
                update(Photo)
                .where(Photo.id == photo_id, Photo.gallery_id == gallery_id)
                .values(position=position)
            )
        await session.commit()
