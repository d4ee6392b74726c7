"""Public portal pages: sign-in, registration by invite, password reset, contact, shared links."""

from __future__ import annotations

import hashlib
import hmac
import html
import logging
from typing import Annotated, Any

from litestar import Controller, MediaType, Request, Response, get, post
from litestar.di import Provide
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotFoundException
from litestar.params import Body
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from studio.config.app_config import form_rate_limit, login_rate_limit
from studio.config.settings import get_settings
from studio.db.models import ContactMessage, Studio
from studio.db.repositories import ContactMessageRepository
from studio.dependencies import (
    provide_account_service,
    provide_client_service,
    provide_download_signer,
    provide_gallery_service,
    provide_mailer,
    provide_portal_studio,
    provide_storage,
)
from studio.schemas import (
    ContactForm,
    GalleryUnlockForm,
    PortalLoginForm,
    RegisterForm,
    ResetConfirmForm,
    ResetRequestForm,
)
from studio.security.passwords import PasswordPolicyError
from studio.services.accounts import AccountError, ClientService, PortalAccountService
from studio.services.galleries import GalleryService
from studio.services.mailer import Mailer
from studio.services.storage import DownloadSigner, DownloadTokenError, StorageService

logger = logging.getLogger(__name__)

Form = Body(media_type=RequestEncodingType.URL_ENCODED)

_CONTACT_THANKS = """
<div class="notice notice--success" id="contact-result">
  <h3>Thanks, {name}!</h3>
  <p>{studio} usually replies within one working day.</p>
</div>
"""


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/portal") and not target.startswith("//"):
        return target
    return "/portal/"


def unsubscribe_signature(email: str) -> str:
    key = get_settings().security.jwt_secret.get_secret_value().encode()
    return hmac.new(key, f"unsubscribe:{email.lower()}".encode(), hashlib.sha256).hexdigest()


class PortalPublicController(Controller):
    path = "/"
    include_in_schema = False
    dependencies = {
        "studio": Provide(provide_portal_studio),
        "client_service": Provide(provide_client_service),
        "mailer": Provide(provide_mailer, sync_to_thread=False),
        "account_service": Provide(provide_account_service),
    }

    # -- sign in / out ---------------------------------------------------------------

    @get("/login", name="portal:login")
    async def login_page(self, studio: Studio, next: str | None = None) -> Template:
        return Template(template_name="portal/login.html", context={"studio": studio, "next": _safe_next(next)})

    @post("/login")
    async def login(
        self,
        request: Request[Any, Any, Any],
        studio: Studio,
        account_service: PortalAccountService,
        data: Annotated[PortalLoginForm, Form],
    ) -> Response[Any]:
        client = await account_service.authenticate(studio.id, data.email, data.password)
        if client is None:
            return Template(
                template_name="portal/login.html",
                context={"studio": studio, "next": _safe_next(data.next), "error": "Wrong e-mail or password."},
                status_code=400,
            )
        request.clear_session()
        request.set_session({"client_id": str(client.id), "studio_id": str(studio.id)})
        return Redirect(path=_safe_next(data.next))

    @post("/logout")
    async def logout(self, request: Request[Any, Any, Any]) -> Redirect:
        request.clear_session()
        return Redirect(path="/portal/login")

    # -- registration via invite ------------------------------------------------------

    @get("/register", name="portal:register")
    async def register_page(self, studio: Studio, invite: str) -> Template:
        return Template(template_name="portal/register.html", context={"studio": studio, "invite": invite})

    @post("/register", middleware=[form_rate_limit.middleware])
    async def register(
        self,
        request: Request[Any, Any, Any],
        studio: Studio,
        account_service: PortalAccountService,
        data: Annotated[RegisterForm, Form],
    ) -> Response[Any]:
        error: str | None = None
        if data.password != data.password_confirm:
            error = "The passwords don't match."
        else:
            try:
                client = await account_service.accept_invite(data.invite, data.password)
            except (AccountError, PasswordPolicyError) as exc:
                error = str(exc)
        if error:
            return Template(
                template_name="portal/register.html",
                context={"studio": studio, "invite": data.invite, "error": error},
                status_code=400,
            )
        request.set_session({"client_id": str(client.id), "studio_id": str(studio.id)})
        return Redirect(path="/portal/")

    # -- password reset -------------------------------------------------------------------

    @get("/password-reset", name="portal:reset")
    async def reset_page(self, studio: Studio, email: str | None = None, sent: bool = False) -> Template:
        return Template(
            template_name="portal/reset.html", context={"studio": studio, "email": email or "", "sent": sent}
        )

    @post("/password-reset")
    async def request_reset(
        self, studio: Studio, account_service: PortalAccountService, data: Annotated[ResetRequestForm, Form]
    ) -> Redirect:
        await account_service.start_password_reset(studio.id, data.email)
        return Redirect(path="/portal/password-reset", query_params={"email": data.email, "sent": "1"})

    @post("/password-reset/confirm", middleware=[login_rate_limit.middleware])
    async def confirm_reset(
        self, studio: Studio, account_service: PortalAccountService, data: Annotated[ResetConfirmForm, Form]
    ) -> Response[Any]:
        try:
            await account_service.complete_password_reset(studio.id, data.email, data.code, data.password)
        except (AccountError, PasswordPolicyError) as exc:
            return Template(
                template_name="portal/reset.html",
                context={"studio": studio, "email": data.email, "sent": True, "error": str(exc)},
                status_code=400,
            )
        return Redirect(path="/portal/login", query_params={"reset": "1"})

    # -- contact form (hx-post from the contact page, returns a fragment) ---------------------

    @get("/contact", name="portal:contact")
    async def contact_page(self, studio: Studio) -> Template:
        return Template(template_name="portal/contact.html", context={"studio": studio})

    @post("/contact", middleware=[form_rate_limit.middleware])
    async def contact(
        self,
        request: Request[Any, Any, Any],
        studio: Studio,
        mailer: Mailer,
        db_session: AsyncSession,
        data: Annotated[ContactForm, Form],
    ) -> Response[str]:
        name = data.name.strip() or "there"
        if not data.website:  # bots fill in the hidden field
            message = ContactMessage(
                studio_id=studio.id,
                name=name[:120],
                email=data.email.strip()[:255],
                subject=(data.subject or "")[:200] or None,
                message=data.message[:5000],
                remote_addr=request.client.host if request.client else None,
            )
            await ContactMessageRepository(session=db_session).add(message, auto_commit=True)
            await mailer.send(
                to=studio.contact_email,
                subject=f"New enquiry from {name}",
                text=f"From: {message.name} <{message.email}>\nSubject: {message.subject or '-'}\n\n{message.message}",
            )
        fragment = _CONTACT_THANKS.format(name=name.split()[0], studio=studio.name)
        return Response(fragment, media_type=MediaType.HTML)

    @get("/unsubscribe")
    async def unsubscribe(
        self, studio: Studio, client_service: ClientService, email: str, sig: str
    ) -> Response[str]:
        if not hmac.compare_digest(unsubscribe_signature(email), sig):
            raise NotFoundException()
        client = await client_service.by_email(studio.id, email)
        if client is not None and client.marketing_opt_in:
            client.marketing_opt_in = False
            await client_service.update(client, auto_commit=True)
        body = f"<p><strong>{html.escape(email)}</strong> will no longer receive news from {html.escape(studio.name)}.</p>"
        return Response(body, media_type=MediaType.HTML)

    # -- shared galleries and download links -------------------------------------------

    @get("/s/{token:str}", name="portal:shared", dependencies={"gallery_service": Provide(provide_gallery_service),
                                                               "storage": Provide(provide_storage, sync_to_thread=False)})
    async def shared_gallery(
        self,
        request: Request[Any, Any, Any],
        studio: Studio,
        gallery_service: GalleryService,
        storage: StorageService,
        token: str,
    ) -> Template:
        gallery = await gallery_service.by_share_token(token)
        if gallery is None or gallery.studio_id != studio.id:
            raise NotFoundException()
        unlocked = set(request.session.get("unlocked_galleries", [])) if request.session else set()
        if gallery.access_hash and str(gallery.id) not in unlocked:
            return Template(
                template_name="portal/gallery.html",
                context={"studio": studio, "gallery": gallery, "token": token, "locked": True, "shared": True},
            )
        urls = {p.id: storage.presigned_download(p.object_key) for p in gallery.photos}
        return Template(
            template_name="portal/gallery.html",
            context={"studio": studio, "gallery": gallery, "photos": gallery.photos, "urls": urls, "q": "", "shared": True},
        )

    @post(
        "/s/{token:str}/unlock",
        middleware=[login_rate_limit.middleware],
        dependencies={"gallery_service": Provide(provide_gallery_service)},
    )
    async def unlock_shared_gallery(
        self,
        request: Request[Any, Any, Any],
        studio: Studio,
        gallery_service: GalleryService,
        token: str,
        data: Annotated[GalleryUnlockForm, Form],
    ) -> Response[Any]:
        gallery = await gallery_service.by_share_token(token)
        if gallery is None or gallery.studio_id != studio.id:
            raise NotFoundException()
        if not gallery_service.check_access_password(gallery, data.password):
            return Template(
                template_name="portal/gallery.html",
                context={
                    "studio": studio,
                    "gallery": gallery,
                    "token": token,
                    "locked": True,
                    "shared": True,
                    "error": "That password isn't right.",
                },
                status_code=400,
            )
        session = dict(request.session or {})
        session["unlocked_galleries"] = sorted({*session.get("unlocked_galleries", []), str(gallery.id)})
        request.set_session(session)
        return Redirect(path=f"/portal/s/{token}")

    @get(
        "/download/{token:str}",
        dependencies={
            "signer": Provide(provide_download_signer, sync_to_thread=False),
            "gallery_service": Provide(provide_gallery_service),
            "storage": Provide(provide_storage, sync_to_thread=False),
        },
    )
    async def download(
        self, signer: DownloadSigner, gallery_service: GalleryService, storage: StorageService, token: str
    ) -> Redirect:
        try:
            grant = signer.verify(token)
        except DownloadTokenError as exc:
            raise NotFoundException(str(exc)) from exc
        gallery = await gallery_service.get_one(id=grant.gallery_id, client_id=grant.client_id)
        if grant.photo_id is None:
            key = f"galleries/{gallery.id}/exports/{gallery.id}.zip"
            return Redirect(path=storage.presigned_download(key, f"{gallery.title}.zip", ttl=600))
        photo = next((p for p in gallery.photos if p.id == grant.photo_id), None)
        if photo is None:
            raise NotFoundException()
        return Redirect(path=storage.presigned_download(photo.object_key, photo.filename, ttl=600))
