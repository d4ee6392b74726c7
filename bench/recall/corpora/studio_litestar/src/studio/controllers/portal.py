"""Client portal pages for signed-in clients (server-rendered, session cookie)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.di import Provide
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotFoundException, ValidationException
from litestar.params import Body
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from studio.config.settings import get_settings
from studio.db import raw
from studio.db.models import Client, InvoiceStatus
from studio.dependencies import (
    provide_client_service,
    provide_download_signer,
    provide_gallery_service,
    provide_invoice_service,
    provide_payment_client,
    provide_photo_service,
    provide_portal_client,
    provide_storage,
)
from studio.schemas import EmailChange
from studio.security.guards import requires_portal_client
from studio.services.accounts import ClientService
from studio.services.billing import InvoiceService, PaymentClient
from studio.services.galleries import FavoritesLimitReached, GalleryService, PhotoService
from studio.services.storage import DownloadGrant, DownloadSigner, StorageService

THEMES = {"light", "dark", "sepia"}


class PortalController(Controller):
    path = "/"
    guards = [requires_portal_client]
    include_in_schema = False
    dependencies = {
        "client": Provide(provide_portal_client),
        "client_service": Provide(provide_client_service),
        "gallery_service": Provide(provide_gallery_service),
        "photo_service": Provide(provide_photo_service),
        "invoice_service": Provide(provide_invoice_service),
        "storage": Provide(provide_storage, sync_to_thread=False),
        "signer": Provide(provide_download_signer, sync_to_thread=False),
    }

    @get("/", name="portal:dashboard")
    async def dashboard(
        self,
        client: Client,
        gallery_service: GalleryService,
        invoice_service: InvoiceService,
        db_session: AsyncSession,
    ) -> Template:
        galleries = await gallery_service.for_client(client.id)
        invoices = await invoice_service.list(client_id=client.id)
        favorites = await raw.favorite_counts(db_session, [g.id for g in galleries])
        return Template(
            template_name="portal/dashboard.html",
            context={
                "client": client,
                "galleries": galleries,
                "favorites": favorites,
                "open_invoices": [i for i in invoices if i.status in {InvoiceStatus.SENT, InvoiceStatus.OVERDUE}],
                "paid_invoices": [i for i in invoices if i.status == InvoiceStatus.PAID],
            },
        )

    @get("/galleries/{gallery_id:uuid}", name="portal:gallery")
    async def gallery(
        self,
        client: Client,
        gallery_service: GalleryService,
        storage: StorageService,
        gallery_id: UUID,
        q: str | None = None,
        slideshow: bool = False,
    ) -> Template:
        gallery = await gallery_service.get_one_or_none(id=gallery_id, client_id=client.id)
        if gallery is None or gallery.published_at is None:
            raise NotFoundException()
        photos = gallery_service.filter_photos(gallery.photos, q)
        if slideshow:
            photos = gallery_service.slideshow_order(photos)
        urls = {p.id: storage.presigned_download(p.object_key) for p in photos}
        return Template(
            template_name="portal/gallery.html",
            context={"client": client, "gallery": gallery, "photos": photos, "urls": urls, "q": q or ""},
        )

    @get("/galleries/{gallery_id:uuid}/favorites", name="portal:favorites")
    async def favorites(
        self, client: Client, gallery_service: GalleryService, storage: StorageService, gallery_id: UUID
    ) -> Template:
        gallery = await gallery_service.get_one(id=gallery_id, client_id=client.id)
        urls = {p.id: storage.presigned_download(p.object_key) for p in gallery.photos}
        return Template(
            template_name="portal/favorites.html",
            context={"client": client, "gallery": gallery, "photos": gallery.photos, "urls": urls},
        )

    @post("/galleries/{gallery_id:uuid}/favorites")
    async def toggle_favorite(
        self,
        request: Request[Any, Any, Any],
        client: Client,
        gallery_service: GalleryService,
        photo_service: PhotoService,
        gallery_id: UUID,
        data: Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)],
    ) -> Response[Any]:
        gallery = await gallery_service.get_one(id=gallery_id, client_id=client.id)
        try:
            photo = await photo_service.toggle_favorite(gallery, UUID(data["photo_id"]))
        except (KeyError, ValueError) as exc:
            raise ValidationException("photo_id is required") from exc
        except FavoritesLimitReached:
            return Response({"error": f"You can pick up to {gallery.favorites_limit} favourites"}, status_code=409)
        if request.headers.get("accept", "").startswith("application/json"):
            return Response({"photo_id": str(photo.id), "favorite": photo.is_favorite})
        return Redirect(path=request.url_for("portal:favorites", gallery_id=gallery.id))

    @get("/galleries/{gallery_id:uuid}/download", name="portal:download-all")
    async def download_all(
        self, client: Client, gallery_service: GalleryService, signer: DownloadSigner, gallery_id: UUID
    ) -> Redirect:
        gallery = await gallery_service.get_one(id=gallery_id, client_id=client.id)
        token = signer.issue(DownloadGrant(gallery_id=gallery.id, client_id=client.id, photo_id=None))
        return Redirect(path=f"/portal/download/{token}")

    @get("/invoices/{invoice_id:uuid}", name="portal:invoice")
    async def invoice(self, client: Client, invoice_service: InvoiceService, invoice_id: UUID) -> Template:
        invoice = await invoice_service.get_one(id=invoice_id, client_id=client.id)
        return Template(template_name="portal/invoice.html", context={"client": client, "invoice": invoice})

    @post("/invoices/{invoice_id:uuid}/pay", dependencies={"payments": Provide(provide_payment_client)})
    async def pay_invoice(
        self, client: Client, invoice_service: InvoiceService, payments: PaymentClient, invoice_id: UUID
    ) -> Redirect:
        invoice = await invoice_service.get_one(id=invoice_id, client_id=client.id)
        if invoice.status not in {InvoiceStatus.SENT, InvoiceStatus.OVERDUE}:
            raise ValidationException("This invoice can't be paid online")
        base = f"{get_settings().app.base_url}/portal/invoices/{invoice.id}"
        session = await payments.create_checkout_session(invoice, f"{base}?paid=1", base)
        invoice.checkout_session_id = session.id
        await invoice_service.update(invoice, auto_commit=True)
        return Redirect(path=session.url)

    @post("/account/email", exclude_from_csrf=True)
    async def change_email(self, client: Client, client_service: ClientService, data: EmailChange) -> dict[str, str]:
        email = data.email.strip().lower()
        if "@" not in email or len(email) > 255:
            raise ValidationException("Please enter a valid e-mail address")
        client.email = email
        await client_service.update(client, auto_commit=True)
        return {"email": client.email}

    @post("/preferences/theme")
    async def set_theme(
        self, data: Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]
    ) -> Response[None]:
        theme = data.get("theme", "light")
        if theme not in THEMES:
            theme = "light"
        return Response(
            None,
            status_code=204,
            cookies=[Cookie(key="portal_theme", value=theme, max_age=365 * 24 * 3600, path="/portal")],
        )
