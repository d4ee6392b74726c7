"""Gallery management for staff: create, upload, protect, share, publish."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from litestar import Controller, Request, get, post, put
from litestar.di import Provide
from litestar.dto import DTOData
from litestar.exceptions import ValidationException
from litestar.security.jwt import Token

from studio.config.settings import get_settings
from studio.db.models import Gallery, Photo, User
from studio.dependencies import provide_gallery_service, provide_photo_service, provide_storage
from studio.schemas import (
    GalleryPasswordRequest,
    GalleryReadDTO,
    GalleryWriteDTO,
    ShareLink,
    UploadRequest,
    UploadTicket,
)
from studio.security.guards import requires_photographer, requires_staff
from studio.security.passwords import MIN_PASSWORD_LENGTH
from studio.services.galleries import GalleryService, PhotoService
from studio.services.storage import MAX_UPLOAD_BYTES, StorageError, StorageService


class GalleryController(Controller):
    path = "/galleries"
    tags = ["galleries"]
    guards = [requires_staff]
    dependencies = {
        "gallery_service": Provide(provide_gallery_service),
        "photo_service": Provide(provide_photo_service),
        "storage": Provide(provide_storage, sync_to_thread=False),
    }
    return_dto = GalleryReadDTO

    async def _owned(self, gallery_service: GalleryService, user: User, gallery_id: UUID) -> Gallery:
        return await gallery_service.get_one(id=gallery_id, studio_id=user.studio_id)

    @get("/")
    async def list_galleries(
        self, request: Request[User, Token, Any], gallery_service: GalleryService, client_id: UUID | None = None
    ) -> Sequence[Gallery]:
        filters: dict[str, Any] = {"studio_id": request.user.studio_id}
        if client_id:
            filters["client_id"] = client_id
        return await gallery_service.list(**filters)

    @post("/", dto=GalleryWriteDTO, guards=[requires_photographer])
    async def create_gallery(
        self, request: Request[User, Token, Any], gallery_service: GalleryService, data: DTOData[Gallery]
    ) -> Gallery:
        return await gallery_service.create(data.create_instance(studio_id=request.user.studio_id), auto_commit=True)

    @put("/{gallery_id:uuid}", dto=GalleryWriteDTO, guards=[requires_photographer])
    async def update_gallery(
        self,
        request: Request[User, Token, Any],
        gallery_service: GalleryService,
        gallery_id: UUID,
        data: DTOData[Gallery],
    ) -> Gallery:
        gallery = await self._owned(gallery_service, request.user, gallery_id)
        return await gallery_service.update(data.update_instance(gallery), auto_commit=True)

    @post("/{gallery_id:uuid}/uploads", return_dto=None, guards=[requires_photographer])
    async def request_upload(
        self,
        request: Request[User, Token, Any],
        gallery_service: GalleryService,
        photo_service: PhotoService,
        storage: StorageService,
        gallery_id: UUID,
        data: UploadRequest,
    ) -> UploadTicket:
        gallery = await self._owned(gallery_service, request.user, gallery_id)
        if data.size_bytes > MAX_UPLOAD_BYTES:
            raise ValidationException("File is too large")
        key = storage.object_key_for(gallery.id, data.filename)
        try:
            post_data = storage.presigned_upload(key, data.content_type)
        except StorageError as exc:
            raise ValidationException(str(exc)) from exc
        photo = await photo_service.create(
            Photo(
                gallery_id=gallery.id,
                object_key=key,
                filename=data.filename,
                content_type=data.content_type,
                size_bytes=data.size_bytes,
                position=len(gallery.photos),
            ),
            auto_commit=True,
        )
        return UploadTicket(photo_id=photo.id, url=post_data["url"], fields=post_data["fields"])

    @put("/{gallery_id:uuid}/order", return_dto=None, guards=[requires_photographer])
    async def reorder_photos(
        self,
        request: Request[User, Token, Any],
        gallery_service: GalleryService,
        photo_service: PhotoService,
        gallery_id: UUID,
        data: list[UUID],
    ) -> None:
        gallery = await self._owned(gallery_service, request.user, gallery_id)
        await photo_service.reorder(gallery.id, data)

    @put("/{gallery_id:uuid}/password", return_dto=None, guards=[requires_photographer])
    async def set_password(
        self,
        request: Request[User, Token, Any],
        gallery_service: GalleryService,
        gallery_id: UUID,
        data: GalleryPasswordRequest,
    ) -> dict[str, bool]:
        gallery = await self._owned(gallery_service, request.user, gallery_id)
        if data.password and len(data.password) < MIN_PASSWORD_LENGTH // 2:
            raise ValidationException("Gallery password is too short")
        await gallery_service.set_access_password(gallery, data.password)
        return {"protected": bool(data.password)}

    @post("/{gallery_id:uuid}/share", return_dto=None, guards=[requires_photographer])
    async def share(
        self, request: Request[User, Token, Any], gallery_service: GalleryService, gallery_id: UUID, days: int = 30
    ) -> ShareLink:
        gallery = await self._owned(gallery_service, request.user, gallery_id)
        token = await gallery_service.create_share_link(gallery, days=min(days, 90))
        base = get_settings().app.base_url
        return ShareLink(url=f"{base}/portal/s/{token}", expires_at=gallery.share_expires_at or datetime.now(tz=UTC))

    @post("/{gallery_id:uuid}/publish", guards=[requires_photographer])
    async def publish(
        self, request: Request[User, Token, Any], gallery_service: GalleryService, gallery_id: UUID
    ) -> Gallery:
        await self._owned(gallery_service, request.user, gallery_id)
        return await gallery_service.publish(gallery_id)
