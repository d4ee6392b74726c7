import logging

from flask import abort, flash, jsonify, redirect, render_template, request, send_from_directory, url_for
from flask_login import current_user, login_required

from fleet.extensions import db
from fleet.models import Document, Vehicle
from fleet.uploads import uploads_bp
from fleet.uploads.storage import UploadRejected, delete_upload, save_upload, upload_dir

log = logging.getLogger(__name__)

DOCUMENT_KINDS = ("registration", "insurance", "mot", "service", "photo", "other")


@uploads_bp.route("/vehicle/<int:vehicle_id>")
@login_required
def vehicle_documents(vehicle_id):
    vehicle = db.get_or_404(Vehicle, vehicle_id)
    docs = vehicle.documents.order_by(Document.created_at.desc()).all()
    return render_template("uploads/index.html", vehicle=vehicle, documents=docs, kinds=DOCUMENT_KINDS)


@uploads_bp.route("/vehicle/<int:vehicle_id>", methods=["POST"])
@login_required
def upload_document(vehicle_id):
    vehicle = db.get_or_404(Vehicle, vehicle_id)
    files = request.files.getlist("file")
    if not files:
        return jsonify(error="no file"), 400
    kind = request.form.get("kind", "other")
    if kind not in DOCUMENT_KINDS:
        kind = "other"
    saved = []
    for f in files:
        try:
            stored_name, size, sha = save_upload(f)
        except UploadRejected as exc:
            return jsonify(error=str(exc), file=f.filename), 400
        doc = Document(
            vehicle=vehicle,
            kind=kind,
            original_name=f.filename[:255],
            stored_name=stored_name,
            content_type=f.mimetype,
            size_bytes=size,
            uploaded_by_id=current_user.id,
        )
        db.session.add(doc)
        saved.append(stored_name)
        log.info("document %s (%d bytes, sha256 %s) uploaded for %s", stored_name, size, sha[:12], vehicle.plate)
    db.session.commit()
    return jsonify(saved=saved), 201


@uploads_bp.route("/file/<int:doc_id>")
@login_required
def download(doc_id):
    doc = db.get_or_404(Document, doc_id)
    return send_from_directory(
        upload_dir(), doc.stored_name, as_attachment=True, download_name=doc.original_name
    )


@uploads_bp.route("/file/<int:doc_id>/delete", methods=["POST"])
@login_required
def delete(doc_id):
    doc = db.get_or_404(Document, doc_id)
    if not (current_user.is_admin or doc.uploaded_by_id == current_user.id):
        abort(403)
    vehicle_id = doc.vehicle_id
    delete_upload(doc.stored_name)
    db.session.delete(doc)
    db.session.commit()
    flash("Document deleted.", "info")
    return redirect(url_for("uploads.vehicle_documents", vehicle_id=vehicle_id))
