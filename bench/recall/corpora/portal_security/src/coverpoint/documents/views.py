from __future__ import annotations

import io
import logging
import mimetypes

from flask import (
    abort,
    current_app,
    flash,
    get_template_attribute,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_security import auth_required, current_user
from sqlalchemy import select

from ..extensions import db, limiter
from ..models import Document, Policy, record_audit
from ..tasks.notifications import send_share_email
from ..utils import client_ip, current_customer, customer_or_staff
from . import bp
from .forms import ShareAccessForm, ShareForm, UploadForm
from .sharing import (
    access_cookie_name,
    check_share_password,
    create_share,
    get_active_share,
    has_access,
    load_download_token,
    make_access_cookie,
)
from .storage import allowed_file, etag_for, get_storage, new_storage_key

log = logging.getLogger(__name__)


def _owned_document(doc_id: int) -> Document:
    document = db.session.get(Document, doc_id)
    if document is None:
        abort(404)
    customer_or_staff(document.customer_id)
    return document


def _send(document: Document, as_attachment: bool = True):
    with get_storage().open(document.storage_key) as fh:
        data = fh.read()
    response = send_file(
        io.BytesIO(data),
        mimetype=document.content_type,
        as_attachment=as_attachment,
        download_name=document.original_name,
        etag=etag_for(data),
        conditional=True,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.cache_control.private = True
    return response


@bp.get("/")
@auth_required()
def index():
    customer = current_customer()
    documents = db.session.scalars(
        select(Document).where(Document.customer_id == customer.id).order_by(Document.created_at.desc())
    ).all()
    form = UploadForm()
    form.policy_id.choices = [(0, "—")] + [(p.id, p.policy_number) for p in customer.policies]
    return render_template("documents/index.html", documents=documents, form=form, share_form=ShareForm())


@bp.post("/upload")
@auth_required()
def upload():
    customer = current_customer()
    form = UploadForm()
    form.policy_id.choices = [(0, "—")] + [(p.id, p.policy_number) for p in customer.policies]
    if not form.validate_on_submit():
        flash("Please choose a file to upload.", "error")
        return redirect(url_for(".index"))

    upload = form.file.data
    if not allowed_file(upload.filename):
        flash("That file type isn't accepted. Please upload a PDF, image or Word document.", "error")
        return redirect(url_for(".index"))

    content_type = upload.mimetype or mimetypes.guess_type(upload.filename)[0] or "application/octet-stream"
    key = new_storage_key(customer.id, upload.filename)
    size, sha256 = get_storage().save(upload.stream, key, content_type)

    policy_id = form.policy_id.data or None
    if policy_id and not db.session.scalar(
        select(Policy.id).where(Policy.id == policy_id, Policy.customer_id == customer.id)
    ):
        policy_id = None

    document = Document(
        customer_id=customer.id,
        policy_id=policy_id,
        category=form.category.data,
        original_name=upload.filename[:255],
        storage_key=key,
        content_type=content_type,
        size=size,
        sha256=sha256,
        uploaded_by_id=current_user.id,
    )
    db.session.add(document)
    record_audit("document.uploaded", key, actor=current_user, ip=client_ip())
    db.session.commit()
    flash(f"{document.original_name} uploaded.", "success")
    return redirect(url_for(".index"))


@bp.get("/<int:doc_id>/download")
@auth_required()
def download(doc_id: int):
    return _send(_owned_document(doc_id), as_attachment=not request.args.get("inline"))


@bp.get("/preview")
@auth_required()
def preview():
    """htmx partial for the preview pane on the documents page."""
    customer = current_customer()
    name = request.args.get("file", "")
    document = db.session.scalar(
        select(Document).where(Document.customer_id == customer.id, Document.original_name == name)
    )
    if document is None:
        return f'<p class="preview-empty">No preview available for <strong>{name}</strong>.</p>', 404
    return get_template_attribute("macros/ui.html", "document_preview")(document)


@bp.post("/<int:doc_id>/delete")
@auth_required()
def delete(doc_id: int):
    document = _owned_document(doc_id)
    get_storage().delete(document.storage_key)
    record_audit("document.deleted", document.storage_key, actor=current_user, ip=client_ip())
    db.session.delete(document)
    db.session.commit()
    if request.headers.get("HX-Request"):
        return "", 204
    flash("Document deleted.", "success")
    return redirect(url_for(".index"))


@bp.post("/<int:doc_id>/share")
@auth_required()
@limiter.limit("10 per hour")
def share(doc_id: int):
    document = _owned_document(doc_id)
    form = ShareForm()
    if not form.validate_on_submit():
        flash("Please enter a valid e-mail address.", "error")
        return redirect(url_for(".index"))
    link = create_share(document, current_user, form.recipient_email.data, form.password.data, form.days.data)
    send_share_email.delay(link.id)
    flash(f"A link to {document.original_name} has been sent to {link.recipient_email}.", "success")
    return redirect(url_for(".index"))


@bp.route("/shared/<token>", methods=["GET", "POST"])
@limiter.limit("5 per minute", methods=["POST"])
def shared_access(token: str):
    share = get_active_share(token)
    if share is None:
        abort(404)
    cookie_name = access_cookie_name(share)
    if has_access(share, request.cookies.get(cookie_name)):
        return render_template("documents/shared_access.html", share=share, unlocked=True)

    form = ShareAccessForm()
    if form.validate_on_submit():
        if check_share_password(share, form.password.data):
            record_audit("document.share_unlocked", str(share.id), ip=client_ip())
            db.session.commit()
            resp = redirect(url_for(".shared_access", token=token))
            resp.set_cookie(cookie_name, make_access_cookie(share), max_age=3600)
            return resp
        log.info("wrong password for share %s from %s", share.id, client_ip())
        flash("That password isn't right.", "error")
    return render_template("documents/shared_access.html", share=share, form=form, unlocked=False)


@bp.get("/shared/<token>/file")
def shared_file(token: str):
    share = get_active_share(token)
    if share is None or not has_access(share, request.cookies.get(access_cookie_name(share))):
        abort(404)
    share.access_count += 1
    db.session.commit()
    return _send(share.document)


@bp.get("/dl/<token>")
def signed_download(token: str):
    """Short-lived links handed out through the partner API."""
    doc_id = load_download_token(token)
    if doc_id is None:
        abort(410)
    document = db.session.get(Document, doc_id)
    if document is None:
        abort(404)
    current_app.logger.info("signed download of document %s", doc_id)
    return _send(document)
