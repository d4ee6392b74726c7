"""Dependency providers wired into controllers with `Provide`."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any
from uuid import UUID

from litestar import Request
from litestar.exceptions import NotAuthorizedException, NotFoundException
from sqlalchemy.ext.asyncio import AsyncSession

from studio.db.models import Client, Studio
from studio.db.repositories import ClientRepository, StudioRepository
from studio.services.accounts import ClientService, PortalAccountService
from studio.services.billing import InvoiceService, PaymentClient
from studio.services.bookings import BookingService
from studio.services.galleries import GalleryService, PhotoService
from studio.services.mailer import Mailer
from studio.services.storage import DownloadSigner, StorageService

_storage: StorageService | None = None
_mailer: Mailer | None = None


async def provide_booking_service(db_session: AsyncSession) -> AsyncGenerator[BookingService, None]:
    async with BookingService.new(session=db_session) as service:
        yield service


async def provide_client_service(db_session: AsyncSession) -> AsyncGenerator[ClientService, None]:
    async with ClientService.new(session=db_session) as service:
        yield service


async def provide_gallery_service(db_session: AsyncSession) -> AsyncGenerator[GalleryService, None]:
    async with GalleryService.new(session=db_session) as service:
        yield service


async def provide_photo_service(db_session: AsyncSession) -> AsyncGenerator[PhotoService, None]:
    async with PhotoService.new(session=db_session) as service:
        yield service


async def provide_invoice_service(db_session: AsyncSession) -> AsyncGenerator[InvoiceService, None]:
    async with InvoiceService.new(session=db_session) as service:
        yield service


def provide_storage() -> StorageService:
    global _storage
    if _storage is None:
        _storage = StorageService()
    return _storage


def provide_mailer() -> Mailer:
    global _mailer
    if _mailer is None:
        _mailer = Mailer()
    return _mailer


def provide_download_signer() -> DownloadSigner:
    return DownloadSigner()


async def provide_payment_client() -> AsyncGenerator[PaymentClient, None]:
    client = PaymentClient()
    try:
        yield client
    finally:
        await client.aclose()


async def provide_account_service(
    client_service: ClientService, mailer: Mailer
) -> PortalAccountService:
    return PortalAccountService(clients=client_service, mailer=mailer)


async def provide_portal_studio(request: Request[Any, Any, Any], db_session: AsyncSession) -> Studio:
    """Resolve the studio from the portal host name (``<slug>.studiobook.io``)."""
    host = (request.headers.get("host") or "").split(":", 1)[0]
    slug = request.query_params.get("studio") if host in {"localhost", "127.0.0.1"} else host.split(".", 1)[0]
    studio = await StudioRepository(session=db_session).get_one_or_none(slug=slug or "")
    if studio is None:
        raise NotFoundException("Unknown studio")
    return studio


async def provide_portal_client(request: Request[Any, Any, Any], db_session: AsyncSession) -> Client:
    client_id = request.session.get("client_id")
    client = await ClientRepository(session=db_session).get_one_or_none(id=UUID(client_id)) if client_id else None
    if client is None:
        request.clear_session()
        raise NotAuthorizedException("Please sign in")
    return client
