import logging
import mimetypes
import uuid
from urllib.parse import quote

from pyramid.httpexceptions import HTTPBadRequest, HTTPNotFound, HTTPRequestEntityTooLarge, HTTPSeeOther
from pyramid.response import FileResponse
from pyramid.view import view_config
from sqlalchemy import select

from ..models import Attachment, AuditEntry
from ..resources import AttachmentResource, PageResource
from ..services.storage import AttachmentStorage, FileTooLarge, safe_filename
from ..services.tokens import sign_download_link, verify_download_link

log = logging.getLogger(__name__)

# served inline; everything else is forced to download
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain"}


def _storage(request):
    return AttachmentStorage.from_settings(request.registry.settings)


def _file_response(request, attachment):
    path = _storage(request).path(attachment.storage_key)
    if not path.exists():
        log.error("attachment %s missing from storage (%s)", attachment.id, attachment.storage_key)
        raise HTTPNotFound()
    response = FileResponse(str(path), request=request, content_type=attachment.content_type)
    disposition = "inline" if attachment.content_type in INLINE_TYPES else "attachment"
    response.headers["Content-Disposition"] = (
        f"{disposition}; filename*=UTF-8''{quote(attachment.filename)}"
    )
    response.headers["Content-Security-Policy"] = "sandbox"
    return response


def _page_url(request, page, anchor=""):
    return request.route_url("page_attachments", space=page.space.key, slug=page.slug) + anchor


@view_config(
    route_name="page_attachments",
    context=PageResource,
    request_method="GET",
    renderer="pagebook:templates/attachments.jinja2",
    permission="view",
)
def list_attachments(context, request):
    if context.page is None:
        raise HTTPNotFound()
    return {
        "space": context.space,
        "page": context.page,
        "attachments": context.page.attachments,
        "can_attach": bool(request.has_permission("attach", context)),
    }


@view_config(route_name="page_attachments", context=PageResource, request_method="POST", permission="attach")
def upload_attachment(context, request):
    page = context.page
    if page is None:
        raise HTTPNotFound()
    upload = request.POST.get("file")
    if upload is None or not hasattr(upload, "file"):
        raise HTTPBadRequest("no file uploaded")

    filename = safe_filename(upload.filename)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    try:
        key, size, sha256 = _storage(request).save(upload.file)
    except FileTooLarge as exc:
        raise HTTPRequestEntityTooLarge(str(exc))

    attachment = Attachment(
        page=page,
        space_id=page.space_id,
        filename=filename,
        content_type=content_type,
        size=size,
        sha256=sha256,
        storage_key=key,
        uploaded_by=request.identity,
    )
    request.dbsession.add(attachment)
    request.session.flash(f"Uploaded {filename}.")
    return HTTPSeeOther(_page_url(request, page))


@view_config(route_name="attachment_download", context=AttachmentResource, permission="view")
def download_attachment(context, request):
    return _file_response(request, context.attachment)


@view_config(
    route_name="attachment_delete",
    context=AttachmentResource,
    request_method="POST",
    renderer="json",
    permission="edit",
    require_csrf=False,
)
def delete_attachment(context, request):
    # called with fetch() from the attachments list, see attachments.jinja2
    attachment = context.attachment
    _storage(request).delete(attachment.storage_key)
    request.dbsession.delete(attachment)
    AuditEntry.record(request, "attachment.delete", attachment.filename)
    return {"deleted": attachment.id}


@view_config(route_name="attachment_share", context=AttachmentResource, request_method="POST", permission="edit")
def share_attachment(context, request):
    attachment = context.attachment
    if request.POST.get("action") == "revoke":
        attachment.share_token = None
        request.session.flash(f"Public link for {attachment.filename} removed.")
    elif attachment.share_token is None:
        attachment.share_token = uuid.uuid1().hex
        AuditEntry.record(request, "attachment.share", attachment.filename)
        request.session.flash(f"Public link for {attachment.filename} created.")
    return HTTPSeeOther(_page_url(request, attachment.page))


@view_config(route_name="attachment_shared", request_method="GET")
def shared_download(request):
    token = request.matchdict["token"]
    attachment = request.dbsession.scalars(
        select(Attachment).where(Attachment.share_token == token)
    ).one_or_none()
    if attachment is None or attachment.page.is_deleted:
        raise HTTPNotFound()
    return _file_response(request, attachment)


@view_config(
    route_name="attachment_link_new",
    context=AttachmentResource,
    request_method="POST",
    renderer="json",
    permission="view",
)
def create_download_link(context, request):
    token = sign_download_link(request.registry.settings, context.attachment.id)
    return {"url": request.route_url("attachment_link", token=token), "expires_in": 600}


@view_config(route_name="attachment_link", request_method="GET")
def signed_download(request):
    attachment_id = verify_download_link(request.registry.settings, request.matchdict["token"])
    if attachment_id is None:
        raise HTTPNotFound()
    attachment = request.dbsession.get(Attachment, attachment_id)
    if attachment is None or attachment.page.is_deleted:
        raise HTTPNotFound()
    return _file_response(request, attachment)
